package io.cellstack.core.routing;

/** The three kinds of logical data center. Constant names are the API's values. */
public enum CellType {
  /** Owns a set of slots and holds those users' data. */
  RZONE,
  /** Global data with a single writer (merchant config, rates); owns no slots. */
  GZONE,
  /** A city-local read copy of GZONE data; owns no slots. */
  CZONE
}
