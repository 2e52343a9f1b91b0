package io.cellstack.core.id;

/** What an id names; its two-letter code opens the id so a person can tell ids apart. */
public enum IdKind {
  PAYMENT("PA"),
  BILL("BL"),
  POSTING("PO"),
  REPAYMENT("RP"),
  TASK("TK"),
  EVENT("EV");

  private final String code;

  IdKind(String code) {
    this.code = code;
  }

  /** The two-letter code at the start of the id. */
  public String code() {
    return code;
  }

  /** The kind whose code is {@code code}, or null. */
  static IdKind ofCode(String code) {
    for (IdKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    return null;
  }
}
