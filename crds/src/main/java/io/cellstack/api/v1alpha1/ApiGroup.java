package io.cellstack.api.v1alpha1;

/** The group and version every Cellstack resource shares, named once. */
public final class ApiGroup {

  /** The API group. */
  public static final String GROUP = "cellstack.io";

  /** The API version. */
  public static final String VERSION = "v1alpha1";

  /** {@code cellstack.io/v1alpha1}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** A Kubernetes name: a DNS-1123 label. */
  public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  /** A Kubernetes object name that may contain dots: a DNS-1123 subdomain. */
  public static final String SUBDOMAIN_PATTERN = "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$";

  /** A Pulsar topic local name (the operator qualifies it with tenant and namespace). */
  public static final String TOPIC_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$";

  /** A duration such as {@code 30s}, {@code 10m} or {@code 2h}. */
  public static final String DURATION_PATTERN = "^[1-9][0-9]{0,5}(s|m|h)$";

  /** A time of day, {@code HH:MM}, 24-hour clock. */
  public static final String TIME_OF_DAY_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

  /** An RFC 3339 timestamp with a zone, e.g. {@code 2026-11-11T00:00:00Z}. */
  public static final String RFC3339_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** A Kubernetes resource quantity such as {@code 500m}, {@code 1}, {@code 512Mi}. */
  public static final String QUANTITY_PATTERN = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$";

  /** A uid as {@link io.cellstack.core.slot.Uids} accepts it. */
  public static final String UID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

  private ApiGroup() {}
}
