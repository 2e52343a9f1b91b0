#!/usr/bin/env bash
# Cellstack end to end on a real Kubernetes cluster (kind): creates the cluster, installs Knative
# Serving with Kourier, KEDA, Pulsar, MySQL (with the vitess-operator's VitessCluster CRD and no
# Vitess) and Keycloak, builds the Cellstack images with Jib into
# the local Docker daemon and loads them into the node, installs helm/cellstack (operator and
# gateway), applies examples/base, waits until the cells serve, and runs the e2e module's cluster
# scenarios through the gateway with a Keycloak token per test user. See e2e/kind/README.md.
#
#   e2e/kind/run.sh              every step, in order (make e2e-kind)
#   e2e/kind/run.sh STEP...      only these steps, e.g. `e2e/kind/run.sh scenarios` to run the
#                                scenarios again on the cluster a previous run left behind
#
# Steps: cluster knative keda pulsar mysql keycloak images chart examples scenarios.
# Environment: KIND_CLUSTER (cluster name, default cellstack-e2e), E2E_GATEWAY_PORT (18080) and
# E2E_KEYCLOAK_PORT (18081), the local ports of the port-forwards.
set -euo pipefail

# ---- Pinned versions: the only place to change them. -------------------------------------------
KIND_NODE_IMAGE="kindest/node:v1.32.2"            # Kubernetes 1.32 (kind v0.27.0's default)
KNATIVE_VERSION="1.18.0"                          # Knative Serving and net-kourier
KEDA_VERSION="2.17.0"
VITESS_OPERATOR_VERSION="2.14.0"                  # only its VitessCluster CRD, see README
PULSAR_IMAGE="apachepulsar/pulsar:4.0.7"          # the client and admin version Cellstack uses
MYSQL_IMAGE="mysql:8.4.5"
KEYCLOAK_IMAGE="quay.io/keycloak/keycloak:26.7.3" # the distribution the tests run here
JIB_PLUGIN="com.google.cloud.tools:jib-maven-plugin:3.5.2"
BASE_IMAGE="eclipse-temurin:17-jre"

# ---- Names. ----------------------------------------------------------------------------------
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${HERE}/../.." && pwd)"
WORK="${ROOT}/target/e2e-kind"
CLUSTER="${KIND_CLUSTER:-cellstack-e2e}"
CONTEXT="kind-${CLUSTER}"
RELEASE="cellstack"
RELEASE_NAMESPACE="cellstack-system"
# Where the examples go (overlay/kustomization.yaml) and the gateway runs (gateway.namespace in
# values.yaml; helm/src/test KindValuesTest checks that the two agree).
CELLS_NAMESPACE="$(sed -n 's/^namespace: *//p' "${HERE}/overlay/kustomization.yaml")"
GATEWAY_PORT="${E2E_GATEWAY_PORT:-18080}"
KEYCLOAK_PORT="${E2E_KEYCLOAK_PORT:-18081}"
REALM="cellstack"
CLIENT_ID="cellstack-e2e"
PASSWORD="cellstack-e2e" # every test user's password in keycloak/cellstack-realm.json
# One user per RZONE cell of examples/base (slots 05, 30, 60, 90: rz00, rz01, rz10, rz11), and the
# demo user of local mode (slot 42, rz01).
USERS="2088000000001005 2088000000001030 2088000000001060 2088000000001090 2088000000000042"

STEPS="cluster knative keda pulsar mysql keycloak images chart examples scenarios"
KNATIVE_SERVING_URL="https://github.com/knative/serving/releases/download/knative-v${KNATIVE_VERSION}"
KOURIER_URL="https://github.com/knative/net-kourier/releases/download/knative-v${KNATIVE_VERSION}"
KEDA_URL="https://github.com/kedacore/keda/releases/download/v${KEDA_VERSION}/keda-${KEDA_VERSION}.yaml"
VITESS_CLUSTER_CRD_URL="https://raw.githubusercontent.com/planetscale/vitess-operator/v${VITESS_OPERATOR_VERSION}/deploy/crds/planetscale.com_vitessclusters.yaml"

PORT_FORWARDS=""

say() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() {
  printf 'e2e-kind FAILED: %s\n' "$*" >&2
  exit 1
}

kube() { kubectl --context "${CONTEXT}" "$@"; }

# The command a person types to look at something in this cluster.
look() { printf 'kubectl --context %s %s' "${CONTEXT}" "$*"; }

# wait_until SECONDS WHAT LOOK COMMAND...: runs COMMAND every 5 s until it succeeds; fails naming
# WHAT and the command to look with when SECONDS pass first.
wait_until() {
  local timeout="$1" what="$2" hint="$3"
  shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      die "${what} did not become ready within ${timeout}s; look with: ${hint}"
    fi
    sleep 5
  done
}

# wait_deployment NAMESPACE NAME SECONDS
wait_deployment() {
  info "waiting for deployment $2 in namespace $1 (up to $3 s)"
  kube -n "$1" rollout status "deployment/$2" --timeout="$3s" >/dev/null ||
    die "deployment $2 in namespace $1 did not become ready within $3s; look with: $(look -n "$1" describe deployment "$2") and $(look -n "$1" logs deployment/"$2")"
}

# wait_all_deployments NAMESPACE SECONDS
wait_all_deployments() {
  info "waiting for every deployment in namespace $1 (up to $2 s)"
  kube -n "$1" wait --for=condition=Available deployment --all --timeout="$2s" >/dev/null ||
    die "the deployments of namespace $1 did not become available within $2s; look with: $(look -n "$1" get deployments,pods) and $(look -n "$1" describe pods)"
}

# apply_with_image FILE PLACEHOLDER IMAGE: applies a manifest of e2e/kind/manifests with its
# image placeholder replaced by the pinned image.
apply_with_image() {
  sed "s|$2|$3|g" "${HERE}/manifests/$1" | kube apply -f - >/dev/null
}

check_tools() {
  local missing="" tool
  for tool in docker kind kubectl helm curl java; do
    command -v "${tool}" >/dev/null 2>&1 || missing="${missing} ${tool}"
  done
  if [[ -n "${missing}" ]]; then
    die "missing tools:${missing}. This needs Docker (with a running engine), kind, kubectl 1.25+, helm 3.8+, curl and a JDK 17+ (see e2e/kind/README.md)"
  fi
  docker info >/dev/null 2>&1 ||
    die "docker is installed but its engine does not answer (docker info failed); start Docker and run again"
}

step_cluster() {
  say "creating kind cluster ${CLUSTER} (${KIND_NODE_IMAGE})"
  if kind get clusters 2>/dev/null | grep -qx "${CLUSTER}"; then
    info "cluster ${CLUSTER} exists: reusing it (make e2e-kind-down deletes it)"
  else
    kind create cluster --name "${CLUSTER}" --image "${KIND_NODE_IMAGE}" --wait 180s ||
      die "kind could not create cluster ${CLUSTER}; look with: kind get clusters and docker ps"
  fi
  kube wait --for=condition=Ready node --all --timeout=180s >/dev/null ||
    die "the nodes of ${CLUSTER} did not become Ready within 180s; look with: $(look get nodes -o wide)"
}

step_knative() {
  say "installing Knative Serving v${KNATIVE_VERSION} (serving-crds.yaml, serving-core.yaml) with Kourier (kourier.yaml)"
  kube apply -f "${KNATIVE_SERVING_URL}/serving-crds.yaml" >/dev/null
  kube wait --for=condition=Established crd/services.serving.knative.dev --timeout=120s >/dev/null ||
    die "the Knative CRDs were not established within 120s; look with: $(look get crds services.serving.knative.dev -o yaml)"
  kube apply -f "${KNATIVE_SERVING_URL}/serving-core.yaml" >/dev/null
  wait_all_deployments knative-serving 300
  kube apply -f "${KOURIER_URL}/kourier.yaml" >/dev/null
  info "config-network: Kourier is the ingress"
  kube -n knative-serving patch configmap/config-network --type merge \
    -p '{"data":{"ingress-class":"kourier.ingress.networking.knative.dev"}}' >/dev/null
  info "config-deployment: no tag resolution for ghcr.io (the images are loaded into the node, not pulled)"
  kube -n knative-serving patch configmap/config-deployment --type merge \
    -p '{"data":{"registries-skipping-tag-resolving":"kind.local,ko.local,dev.local,ghcr.io"}}' >/dev/null
  info "config-autoscaler: allow-zero-initial-scale (CellFunctions may start at 0, e.g. scheduling)"
  kube -n knative-serving patch configmap/config-autoscaler --type merge \
    -p '{"data":{"allow-zero-initial-scale":"true"}}' >/dev/null
  wait_all_deployments kourier-system 300
  wait_all_deployments knative-serving 300
}

step_keda() {
  say "installing KEDA v${KEDA_VERSION} (keda-${KEDA_VERSION}.yaml, server-side apply)"
  kube apply --server-side -f "${KEDA_URL}" >/dev/null
  wait_all_deployments keda 300
  info "waiting for the external metrics API KEDA serves"
  kube wait --for=condition=Available apiservice/v1beta1.external.metrics.k8s.io --timeout=180s >/dev/null ||
    die "KEDA's metrics API (apiservice v1beta1.external.metrics.k8s.io) did not become available within 180s; look with: $(look get apiservice v1beta1.external.metrics.k8s.io -o yaml) and $(look -n keda logs deployment/keda-operator-metrics-apiserver)"
}

step_pulsar() {
  say "installing Apache Pulsar standalone (${PULSAR_IMAGE}) in namespace pulsar (manifests/pulsar.yaml)"
  apply_with_image pulsar.yaml PULSAR_IMAGE "${PULSAR_IMAGE}"
  wait_deployment pulsar pulsar 420
}

step_mysql() {
  say "installing MySQL (${MYSQL_IMAGE}) in namespace mysql: databases payment and billing stand in for the Vitess keyspaces (manifests/mysql.yaml)"
  apply_with_image mysql.yaml MYSQL_IMAGE "${MYSQL_IMAGE}"
  wait_deployment mysql mysql 300
  say "installing the VitessCluster CRD of vitess-operator v${VITESS_OPERATOR_VERSION} (the operator watches VitessClusters and declares keyspaces in them; no Vitess runs here)"
  kube apply --server-side -f "${VITESS_CLUSTER_CRD_URL}" >/dev/null
  kube wait --for=condition=Established crd/vitessclusters.planetscale.com --timeout=60s >/dev/null ||
    die "CRD vitessclusters.planetscale.com was not established within 60s; look with: $(look get crd vitessclusters.planetscale.com -o yaml)"
}

step_keycloak() {
  say "installing Keycloak (${KEYCLOAK_IMAGE}, start-dev) in namespace keycloak with realm ${REALM} from e2e/kind/keycloak/cellstack-realm.json"
  kube create namespace keycloak --dry-run=client -o yaml | kube apply -f - >/dev/null
  kube -n keycloak create configmap cellstack-realm \
    --from-file=cellstack-realm.json="${HERE}/keycloak/cellstack-realm.json" \
    --dry-run=client -o yaml | kube apply -f - >/dev/null
  apply_with_image keycloak.yaml KEYCLOAK_IMAGE "${KEYCLOAK_IMAGE}"
  wait_deployment keycloak keycloak 420
}

# The image of a CellFunction as examples/base/functions.yaml declares it.
example_image() {
  local image
  image="$(grep -o "ghcr.io/cellstack/functions-$1:[^[:space:]]*" "${ROOT}/examples/base/functions.yaml" | head -n 1)"
  [[ -n "${image}" ]] || die "examples/base/functions.yaml declares no image ghcr.io/cellstack/functions-$1"
  printf '%s' "${image}"
}

app_version() {
  local version
  version="$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "${ROOT}/helm/cellstack/Chart.yaml")"
  [[ -n "${version}" ]] || die "no appVersion in helm/cellstack/Chart.yaml"
  printf '%s' "${version}"
}

# Jib builds for the engine's architecture, so that the kind node can run the image.
docker_platform() {
  case "$(docker info --format '{{.Architecture}}')" in
    x86_64 | amd64) printf 'linux/amd64' ;;
    aarch64 | arm64) printf 'linux/arm64' ;;
    *) die "unsupported Docker engine architecture: $(docker info --format '{{.Architecture}}')" ;;
  esac
}

# jib_build MODULE IMAGE MAIN_CLASS PLATFORM
jib_build() {
  say "building $2 from $1 with Jib (${JIB_PLUGIN}:dockerBuild, from ${BASE_IMAGE}, $4, main class $3)"
  (cd "${ROOT}" && ./mvnw -q -pl "$1" compile "${JIB_PLUGIN}:dockerBuild" \
    -Dimage="$2" \
    -Djib.from.image="${BASE_IMAGE}" \
    -Djib.from.platforms="$4" \
    -Djib.container.mainClass="$3" \
    -Djib.container.user=65532) ||
    die "Jib could not build $2 from $1 (see the Maven output above)"
}

step_images() {
  local version platform image
  version="$(app_version)"
  platform="$(docker_platform)"
  say "building Cellstack (./mvnw -q install -DskipTests)"
  (cd "${ROOT}" && ./mvnw -q install -DskipTests) || die "the Maven build failed (see its output above)"
  # Names as helm/cellstack (image.repository, gateway.image.repository, eventBridge.image) and
  # examples/base/functions.yaml reference them, so nothing has to be edited.
  local images=""
  jib_build operator "ghcr.io/cellstack/operator:${version}" io.cellstack.operator.CellstackOperator "${platform}"
  images="${images} ghcr.io/cellstack/operator:${version}"
  jib_build cells/eventbridge "ghcr.io/cellstack/event-bridge:${version}" io.cellstack.eventbridge.EventBridgeMain "${platform}"
  images="${images} ghcr.io/cellstack/event-bridge:${version}"
  jib_build cells/gateway "ghcr.io/cellstack/gateway:${version}" io.cellstack.gateway.GatewayApplication "${platform}"
  images="${images} ghcr.io/cellstack/gateway:${version}"
  image="$(example_image payment)"
  jib_build functions/payment "${image}" io.cellstack.functions.payment.PaymentApplication "${platform}"
  images="${images} ${image}"
  image="$(example_image billing)"
  jib_build functions/billing "${image}" io.cellstack.functions.billing.BillingApplication "${platform}"
  images="${images} ${image}"
  for image in ${images}; do
    say "loading ${image} into kind cluster ${CLUSTER}"
    kind load docker-image --name "${CLUSTER}" "${image}" >/dev/null ||
      die "kind could not load ${image} into ${CLUSTER}; look with: docker image ls ghcr.io/cellstack/*"
  done
  info "not built: $(example_image scheduling) and $(example_image release). examples/base declares"
  info "the scheduling and release CellFunctions, but those functions are not written yet: their"
  info "Knative Services will not become Ready. The scenarios use payment and billing only."
}

step_chart() {
  local version existed=""
  version="$(app_version)"
  say "installing helm/cellstack as release ${RELEASE} in ${RELEASE_NAMESPACE} (operator ghcr.io/cellstack/operator:${version}; gateway ghcr.io/cellstack/gateway:${version} in ${CELLS_NAMESPACE}; values e2e/kind/values.yaml)"
  kube create namespace "${CELLS_NAMESPACE}" --dry-run=client -o yaml | kube apply -f - >/dev/null
  if helm --kube-context "${CONTEXT}" -n "${RELEASE_NAMESPACE}" status "${RELEASE}" >/dev/null 2>&1; then
    existed="yes"
  fi
  helm --kube-context "${CONTEXT}" upgrade --install "${RELEASE}" "${ROOT}/helm/cellstack" \
    -n "${RELEASE_NAMESPACE}" --create-namespace -f "${HERE}/values.yaml" >/dev/null ||
    die "helm could not install helm/cellstack; look with: helm --kube-context ${CONTEXT} -n ${RELEASE_NAMESPACE} status ${RELEASE}"
  if [[ -n "${existed}" ]]; then
    info "release existed: restarting the operator and the gateway on the images just loaded"
    kube -n "${RELEASE_NAMESPACE}" rollout restart "deployment/${RELEASE}" >/dev/null
    kube -n "${CELLS_NAMESPACE}" rollout restart "deployment/${RELEASE}-gateway" >/dev/null
  fi
  wait_deployment "${RELEASE_NAMESPACE}" "${RELEASE}" 300
  wait_deployment "${CELLS_NAMESPACE}" "${RELEASE}-gateway" 300
}

routing_published() { kube -n "${CELLS_NAMESPACE}" get configmap cellstack-routing; }

bridges_created() {
  [[ "$(kube -n "${CELLS_NAMESPACE}" get deployments -l app.kubernetes.io/component=eventbridge -o name | wc -l)" -ge 4 ]]
}

gateway_has_table() {
  kube -n "${CELLS_NAMESPACE}" exec "deployment/${RELEASE}-gateway" -- test -s /etc/cellstack/routing/routing.json
}

step_examples() {
  local existed=""
  if kube -n "${CELLS_NAMESPACE}" get cellfunctions.cellstack.io payment >/dev/null 2>&1; then
    existed="yes"
  fi
  say "creating VitessCluster main in namespace ${CELLS_NAMESPACE} (manifests/vitess-cluster.yaml: Vitess cells rz00, rz01, rz10, rz11), as a platform admin would, for ShardMap main's keyspaces"
  kube create namespace "${CELLS_NAMESPACE}" --dry-run=client -o yaml | kube apply -f - >/dev/null
  kube -n "${CELLS_NAMESPACE}" apply --server-side -f "${HERE}/manifests/vitess-cluster.yaml" >/dev/null ||
    die "the API server refused VitessCluster main; look with: $(look get crd vitessclusters.planetscale.com)"
  say "applying examples/base through e2e/kind/overlay (namespace ${CELLS_NAMESPACE}; the functions' MySQL and Pulsar settings; requests for one node)"
  kube apply -k "${HERE}/overlay" >/dev/null
  if [[ -n "${existed}" ]]; then
    info "examples existed: restarting function and event bridge pods on the images just loaded"
    kube -n "${CELLS_NAMESPACE}" delete pods -l app.kubernetes.io/managed-by=cellstack-operator \
      --ignore-not-found --wait=false >/dev/null
  fi
  info "waiting for ShardMap main to publish the routing table (ConfigMap cellstack-routing)"
  wait_until 300 "the routing table (ConfigMap cellstack-routing in ${CELLS_NAMESPACE})" \
    "$(look -n "${CELLS_NAMESPACE}" describe shardmap main) and $(look -n "${RELEASE_NAMESPACE}" logs deployment/${RELEASE})" \
    routing_published
  info "waiting for the Cells (Pulsar namespaces and topics) to be Ready"
  kube -n "${CELLS_NAMESPACE}" wait --for=condition=Ready cells.cellstack.io --all --timeout=300s >/dev/null ||
    die "the Cells did not become Ready within 300s; look with: $(look -n "${CELLS_NAMESPACE}" get cells) and $(look -n "${CELLS_NAMESPACE}" describe cells)"
  info "waiting for CellFunctions payment and billing (a Knative Service per cell each) to be Ready"
  kube -n "${CELLS_NAMESPACE}" wait --for=condition=Ready cellfunctions.cellstack.io/payment cellfunctions.cellstack.io/billing --timeout=900s >/dev/null ||
    die "CellFunctions payment and billing did not become Ready within 900s; look with: $(look -n "${CELLS_NAMESPACE}" get cellfunctions,ksvc,pods) and $(look -n "${CELLS_NAMESPACE}" describe cellfunction payment billing)"
  info "waiting for the event bridges of billing's trigger (one Deployment per cell, scaled by KEDA)"
  wait_until 120 "the four event bridge Deployments of billing" \
    "$(look -n "${CELLS_NAMESPACE}" get deployments,scaledobjects)" bridges_created
  info "waiting for the gateway to see the routing table (its ConfigMap volume is filled by the kubelet)"
  wait_until 180 "the routing table in the gateway pod (/etc/cellstack/routing/routing.json)" \
    "$(look -n "${CELLS_NAMESPACE}" logs deployment/${RELEASE}-gateway)" gateway_has_table
  info "waiting for ShardMap main to be Ready: its keyspaces declared in VitessCluster main, which the API server checks against vitess-operator v${VITESS_OPERATOR_VERSION}'s CRD"
  kube -n "${CELLS_NAMESPACE}" wait --for=condition=Ready shardmaps.cellstack.io/main --timeout=120s >/dev/null ||
    die "ShardMap main did not become Ready within 120s; look with: $(look -n "${CELLS_NAMESPACE}" describe shardmap main), $(look -n "${CELLS_NAMESPACE}" get vitesscluster main -o yaml) and $(look -n "${RELEASE_NAMESPACE}" logs deployment/${RELEASE})"
  info "keyspaces in VitessCluster main: $(kube -n "${CELLS_NAMESPACE}" get vitesscluster main -o jsonpath='{.spec.keyspaces[*].name}')"
  info "not waited for: CellFunctions scheduling and release (no image yet)"
  kube -n "${CELLS_NAMESPACE}" get cells,shardmaps,cellfunctions
}

# port_forward SERVICE_NAMESPACE SERVICE LOCAL_PORT SERVICE_PORT
port_forward() {
  local log="${WORK}/port-forward-$2.log"
  kube -n "$1" port-forward "service/$2" "$3:$4" >"${log}" 2>&1 &
  PORT_FORWARDS="${PORT_FORWARDS} $!"
  info "port-forward service/$2 in $1 to 127.0.0.1:$3 (pid $!, log ${log})"
}

stop_port_forwards() {
  local pid
  for pid in ${PORT_FORWARDS}; do
    kill "${pid}" 2>/dev/null || true
  done
}

# Any HTTP answer will do: the gateway answers 401 without a token.
answers_http() { curl -s -o /dev/null "$1"; }

# token UID: an access token of UID from the realm, by the password grant of the public client.
token() {
  local response token
  response="$(curl -sS -X POST "http://127.0.0.1:${KEYCLOAK_PORT}/realms/${REALM}/protocol/openid-connect/token" \
    --data-urlencode "grant_type=password" --data-urlencode "client_id=${CLIENT_ID}" \
    --data-urlencode "username=$1" --data-urlencode "password=${PASSWORD}")" ||
    die "Keycloak did not answer the token request for $1; look with: $(look -n keycloak logs deployment/keycloak)"
  token="$(printf '%s' "${response}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [[ -n "${token}" ]] || die "Keycloak gave no token for $1: ${response}"
  printf '%s' "${token}"
}

step_scenarios() {
  local tokens="${WORK}/tokens.properties" gateway="http://127.0.0.1:${GATEWAY_PORT}" uid value status
  mkdir -p "${WORK}"
  trap stop_port_forwards EXIT
  say "getting a token for each test user from Keycloak (realm ${REALM}, client ${CLIENT_ID}, password grant; the uid is the token subject)"
  port_forward keycloak keycloak "${KEYCLOAK_PORT}" 8080
  wait_until 60 "the port-forward to Keycloak (127.0.0.1:${KEYCLOAK_PORT})" "cat ${WORK}/port-forward-keycloak.log" \
    answers_http "http://127.0.0.1:${KEYCLOAK_PORT}/realms/${REALM}"
  (
    umask 077
    printf '# uid=access token, written by e2e/kind/run.sh for ClusterScenariosTest\n' >"${tokens}"
    for uid in ${USERS}; do
      value="$(token "${uid}")"
      printf '%s=%s\n' "${uid}" "${value}" >>"${tokens}"
      info "token of ${uid}"
    done
  )
  say "exposing the gateway (service ${RELEASE}-gateway in ${CELLS_NAMESPACE}) at ${gateway}"
  port_forward "${CELLS_NAMESPACE}" "${RELEASE}-gateway" "${GATEWAY_PORT}" 80
  wait_until 60 "the port-forward to the gateway (${gateway})" "cat ${WORK}/port-forward-${RELEASE}-gateway.log" \
    answers_http "${gateway}/"
  status="$(curl -s -o /dev/null -w '%{http_code}' -X POST "${gateway}/functions/billing/billQuery" \
    -H "Authorization: Bearer $(sed -n 's/^2088000000000042=//p' "${tokens}")" \
    -H 'Content-Type: application/json' -d '{}')" || status="none"
  info "billQuery of the demo user 2088000000000042 through the gateway: HTTP ${status}"
  say "running the cluster scenarios: ./mvnw -pl e2e test -Dgroups=kind -De2e.excludedGroups= -Dcellstack.e2e.gateway=${gateway} -Dcellstack.e2e.tokens=${tokens}"
  (cd "${ROOT}" && ./mvnw -pl e2e test -Dgroups=kind -De2e.excludedGroups= \
    -Dcellstack.e2e.gateway="${gateway}" -Dcellstack.e2e.tokens="${tokens}") ||
    die "the cluster scenarios failed (reports in e2e/target/surefire-reports); the cluster stays up: $(look get pods -A), $(look -n "${CELLS_NAMESPACE}" logs deployment/${RELEASE}-gateway); make e2e-kind-down deletes it"
  say "the cluster scenarios passed; cluster ${CLUSTER} stays up (make e2e-kind-down deletes it)"
}

main() {
  local steps="$*" step
  [[ -n "${steps}" ]] || steps="${STEPS}"
  for step in ${steps}; do
    case " ${STEPS} " in
      *" ${step} "*) ;;
      *) die "unknown step '${step}'; the steps are: ${STEPS}" ;;
    esac
  done
  check_tools
  mkdir -p "${WORK}"
  for step in ${steps}; do
    "step_${step}"
  done
}

main "$@"
