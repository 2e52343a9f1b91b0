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
  resources: ["vitesskeyspaces"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
{{- end }}

{{/* Reading CRDs, only to check at start that the cellstack.io ones are installed. */}}
{{- define "cellstack.crdRules" -}}
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get", "list"]
{{- end }}
