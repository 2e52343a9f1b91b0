package io.cellstack.api.validation;

/** A schema or rule violation at a field path inside one resource. */
record FieldError(String path, String message, boolean warning) {

  static FieldError error(String path, String message) {
    return new FieldError(path, message, false);
  }

  static FieldError warning(String path, String message) {
    return new FieldError(path, message, true);
  }
}
