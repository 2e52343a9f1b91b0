package io.cellstack.devservices;

/** A launcher could not be found, did not become ready in time, or exited early. */
public class DevServicesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DevServicesException(String message) {
    super(message);
  }

  public DevServicesException(String message, Throwable cause) {
    super(message, cause);
  }
}
