#!/usr/bin/env bash
# Deletes the kind cluster of e2e/kind/run.sh (make e2e-kind-down) and the tokens it wrote. The
# images Jib built stay in the local Docker daemon: docker image ls 'ghcr.io/cellstack/*'.
set -euo pipefail

CLUSTER="${KIND_CLUSTER:-cellstack-e2e}" # as in run.sh
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(cd "${HERE}/../.." && pwd)/target/e2e-kind"

command -v kind >/dev/null 2>&1 || {
  printf 'e2e-kind-down FAILED: kind is not installed (see e2e/kind/README.md)\n' >&2
  exit 1
}
if kind get clusters 2>/dev/null | grep -qx "${CLUSTER}"; then
  printf '==> deleting kind cluster %s\n' "${CLUSTER}"
  kind delete cluster --name "${CLUSTER}"
else
  printf '==> no kind cluster %s: nothing to delete\n' "${CLUSTER}"
fi
rm -rf "${WORK}"
