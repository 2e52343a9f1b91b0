{{/*
Names, labels, and the values that need checking or formatting, in one place.
*/}}

{{/* The chart name, overridable with nameOverride. */}}
{{- define "cellstack.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object of the release: the release name when it already contains the chart
name (release "cellstack" -> "cellstack"), else "<release>-cellstack"; 63 characters at most.
*/}}
{{- define "cellstack.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "cellstack.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels every object carries. */}}
{{- define "cellstack.labels" -}}
helm.sh/chart: {{ include "cellstack.chart" . }}
{{ include "cellstack.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cellstack
{{- end }}

{{/* The labels that select the operator pods; never change them (selectors are immutable). */}}
{{- define "cellstack.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cellstack.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The operator image, tagged with the appVersion unless image.tag says otherwise. */}}
{{- define "cellstack.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The event bridge image the operator deploys. */}}
{{- define "cellstack.eventBridgeImage" -}}
{{- .Values.eventBridge.image | default (printf "ghcr.io/cellstack/event-bridge:%s" .Chart.AppVersion) }}
{{- end }}

{{/* The Pulsar admin URL; rendering fails without it. */}}
{{- define "cellstack.pulsarAdminUrl" -}}
{{- required "pulsar.adminUrl is required: the URL of the Pulsar admin API, e.g. --set pulsar.adminUrl=http://pulsar-broker.pulsar:8080" .Values.pulsar.adminUrl }}
{{- end }}

{{/* pulsar.regionClusters as "east=pulsar-east,west=pulsar-west" (sorted by region). */}}
{{- define "cellstack.regionClusters" -}}
{{- $pairs := list }}
{{- range $region, $cluster := .Values.pulsar.regionClusters }}
{{- $pairs = append $pairs (printf "%s=%s" $region $cluster) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/*
The watched namespaces as "a,b": trimmed, deduplicated, in the order given; empty means all.
Accepts a list (values file, --set 'watchNamespaces={a,b}') or a comma-separated string.
*/}}
{{- define "cellstack.watchNamespaces" -}}
{{- $given := .Values.watchNamespaces | default list }}
{{- if kindIs "string" $given }}
{{- $given = splitList "," $given }}
{{- end }}
{{- $namespaces := list }}
{{- range $given }}
{{- $namespace := trim (toString .) }}
{{- if and $namespace (not (has $namespace $namespaces)) }}
{{- $namespaces = append $namespaces $namespace }}
{{- end }}
{{- end }}
{{- join "," $namespaces }}
{{- end }}

{{/*
What the operator does to the resources it reconciles and creates, in the namespaces it
watches. Bound by a ClusterRole when it watches all namespaces, else by a Role per namespace.
*/}}
{{- define "cellstack.namespacedRules" -}}
- apiGroups: ["cellstack.io"]
  resources: ["cells", "shardmaps", "cellfunctions", "failoverdatabases", "greyrollouts", "batchschedules"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["cellstack.io"]
  resources: ["cells/status", "shardmaps/status", "cellfunctions/status", "failoverdatabases/status", "greyrollouts/status", "batchschedules/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["cellstack.io"]
  resources: ["cells/finalizers", "shardmaps/finalizers", "cellfunctions/finalizers", "failoverdatabases/finalizers", "greyrollouts/finalizers", "batchschedules/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["serving.knative.dev"]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["planetscale.com"]
  resources: ["vitessclusters"]
  verbs: ["get", "list", "watch", "update"]
{{- end }}

{{/* Reading CRDs, only to check at start that the cellstack.io ones are installed. */}}
{{- define "cellstack.crdRules" -}}
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get", "list"]
{{- end }}

{{/*
The gateway: its own name label ("<name>-gateway"), so that neither the operator's Deployment nor
its metrics Service (which select on name and instance) ever pick up gateway pods.
*/}}
{{- define "cellstack.gateway.fullname" -}}
{{- printf "%s-gateway" (include "cellstack.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels that select the gateway pods; never change them (selectors are immutable). */}}
{{- define "cellstack.gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-gateway" (include "cellstack.name" .) | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The labels every gateway object carries. */}}
{{- define "cellstack.gateway.labels" -}}
helm.sh/chart: {{ include "cellstack.chart" . }}
{{ include "cellstack.gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cellstack
app.kubernetes.io/component: gateway
{{- end }}

{{/*
Where the gateway runs: the namespace of the Cells, of the functions' Knative Services and of the
routing ConfigMap the operator publishes there (a pod mounts ConfigMaps of its own namespace only).
*/}}
{{- define "cellstack.gateway.namespace" -}}
{{- .Values.gateway.namespace | default .Release.Namespace }}
{{- end }}

{{/* The gateway image, tagged with the appVersion unless gateway.image.tag says otherwise. */}}
{{- define "cellstack.gateway.image" -}}
{{- printf "%s:%s" .Values.gateway.image.repository (.Values.gateway.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The token issuer; rendering the gateway fails without it. */}}
{{- define "cellstack.gateway.jwtIssuer" -}}
{{- required "gateway.jwt.issuer is required when gateway.enabled: the iss of the tokens (the Keycloak realm URL), e.g. --set gateway.jwt.issuer=https://keycloak.example/realms/cellstack" .Values.gateway.jwt.issuer }}
{{- end }}

{{/* The issuer's signing keys; rendering the gateway fails without them. */}}
{{- define "cellstack.gateway.jwkSetUri" -}}
{{- required "gateway.jwt.jwkSetUri is required when gateway.enabled: the realm's signing keys, e.g. --set gateway.jwt.jwkSetUri=https://keycloak.example/realms/cellstack/protocol/openid-connect/certs" .Values.gateway.jwt.jwkSetUri }}
{{- end }}

{{/* gateway.functions as "payment,billing"; rendering fails when it is empty. */}}
{{- define "cellstack.gateway.functions" -}}
{{- $functions := .Values.gateway.functions | default list }}
{{- if kindIs "string" $functions }}
{{- $functions = splitList "," $functions }}
{{- end }}
{{- $names := list }}
{{- range $functions }}
{{- $name := trim (toString .) }}
{{- if and $name (not (has $name $names)) }}
{{- $names = append $names $name }}
{{- end }}
{{- end }}
{{- required "gateway.functions is required when gateway.enabled: the CellFunctions the gateway routes to, e.g. [payment, billing]" (join "," $names) }}
{{- end }}

{{/*
The pod and container hardening every Cellstack Deployment gets: non-root with a fixed uid,
seccomp RuntimeDefault, read-only root filesystem, no privilege escalation, no capabilities.
One place, so the operator and the gateway cannot drift apart.
*/}}
{{- define "cellstack.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "cellstack.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}
