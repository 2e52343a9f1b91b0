# Cellstack developer commands. Only a JDK 17+ is needed: ./mvnw fetches Maven from Maven Central.
MVN ?= ./mvnw
CLI := ./cellstack
EXAMPLES := examples/base
LOCAL_CP := local/target/local.classpath

.PHONY: help build test run crds bench bench-operator bench-eventbridge bench-gateway bench-payments bench-run e2e-kind e2e-kind-down format clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

build: ## Compile and package everything (no tests)
	$(MVN) -q install -DskipTests

test: ## Run the whole suite (about 9 min here): formatting, CRD drift, unit, property, CLI, engine and end-to-end tests
	$(MVN) install

run: $(LOCAL_CP) ## Start local mode (Pulsar, MariaDB, the functions of every cell, event bridges, gateway); KEYCLOAK=1 for a real Keycloak; Ctrl-C stops it
	@$(CLI) validate $(EXAMPLES)
	@java -cp local/target/classes:$$(cat $(LOCAL_CP)) io.cellstack.local.LocalMode $(EXAMPLES) target/local $(if $(KEYCLOAK),--keycloak)

$(LOCAL_CP):
	@echo "==> first run: building everything once (make build rebuilds after changes)"
	$(MVN) -q install -DskipTests

crds: ## Regenerate the CRD YAML (crds/manifests/ and the Helm chart) from the Java model
	$(MVN) -q -pl crds -am process-classes -Dspotless.check.skip=true
	rm -f crds/manifests/*.yml helm/cellstack/crds/*.yml
	cp crds/target/classes/META-INF/fabric8/*.yml crds/manifests/
	cp crds/target/classes/META-INF/fabric8/*.yml helm/cellstack/crds/
	@echo "CRDs written to crds/manifests/ and helm/cellstack/crds/; commit them with the model change."

bench: ## Run the JMH benchmarks (several minutes); results in bench/target/jmh.json
	$(MVN) -q -pl bench -am package -DskipTests
	java -jar bench/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff bench/target/jmh.json

bench-operator: ## Converge 200 Cells x 5 CellFunctions on the mock API server; results in operator/target/convergence.txt
	$(MVN) -q -pl operator -am install -DskipTests
	$(MVN) -q -pl operator test -Dgroups=benchmark -Doperator.excludedGroups= -Dtest=ConvergenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat operator/target/convergence.txt

bench-eventbridge: ## Event bridge throughput and latency through a real broker; results in cells/eventbridge/target/eventbridge-bench.txt
	$(MVN) -q -pl cells/eventbridge -am install -DskipTests
	$(MVN) -q -pl cells/eventbridge test -Dgroups=benchmark -Deventbridge.excludedGroups= -Dtest=EventBridgeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat cells/eventbridge/target/eventbridge-bench.txt

bench-gateway: ## Gateway overhead against calling the function directly; results in cells/gateway/target/gateway-bench.txt
	$(MVN) -q -pl cells/gateway -am install -DskipTests
	$(MVN) -q -pl cells/gateway test -Dgroups=benchmark
	@cat cells/gateway/target/gateway-bench.txt

bench-payments: ## Payments/s (function, in-process, raw inserts) and hot-account postings (buffered vs direct); results in functions/*/target/payments-bench.txt
	$(MVN) -q -pl functions/billing -am install -DskipTests
	rm -f functions/payment/target/payments-bench.txt functions/billing/target/payments-bench.txt
	$(MVN) -q -pl functions/payment test -Dgroups=benchmark -Dpayment.excludedGroups= -Dtest=PaymentBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	$(MVN) -q -pl functions/billing test -Dgroups=benchmark -Dbilling.excludedGroups= -Dtest=HotAccountBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat functions/payment/target/payments-bench.txt functions/billing/target/payments-bench.txt

bench-run: $(LOCAL_CP) ## How long make run takes to be ready and to stop (local issuer and Keycloak, 3 runs each); results in target/bench-run/run-ready.txt
	bench/run-ready.sh

e2e-kind: ## Create a kind cluster, install the stack, the chart and examples/base, run the cluster scenarios (needs Docker, kind, kubectl, helm; e2e/kind/README.md)
	e2e/kind/run.sh

e2e-kind-down: ## Delete the kind cluster of make e2e-kind
	e2e/kind/down.sh

format: ## Format the Java sources (google-java-format)
	$(MVN) -q spotless:apply

clean: ## Remove build output
	$(MVN) -q clean
