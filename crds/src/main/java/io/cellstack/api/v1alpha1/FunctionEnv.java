package io.cellstack.api.v1alpha1;

import java.util.regex.Pattern;

/**
 * The environment variables the operator sets on every function container, named once: the operator
 * writes them, and the CellFunction schema refuses them in {@code env} and {@code secretEnv} so a
 * user's value never silently loses to the operator's.
 */
public final class FunctionEnv {

  /** The Spring Cloud Function definition. */
  public static final String DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";

  /** The cell the container serves. */
  public static final String CELL = "CELLSTACK_CELL";

  /** The cell's region. */
  public static final String REGION = "CELLSTACK_REGION";

  /** The cell's zone. */
  public static final String ZONE = "CELLSTACK_ZONE";

  /** Where the routing table is mounted. */
  public static final String ROUTING_FILE = "CELLSTACK_ROUTING_FILE";

  /** The function's keyspace. */
  public static final String KEYSPACE = "CELLSTACK_KEYSPACE";

  /** The names above as a CEL list, for the schema's rules. */
  static final String OPERATOR_NAMES_CEL =
      "['"
          + DEFINITION
          + "', '"
          + CELL
          + "', '"
          + REGION
          + "', '"
          + ZONE
          + "', '"
          + ROUTING_FILE
          + "', '"
          + KEYSPACE
          + "']";

  /** The names above for messages. */
  static final String OPERATOR_NAMES_TEXT =
      DEFINITION
          + ", "
          + CELL
          + ", "
          + REGION
          + ", "
          + ZONE
          + ", "
          + ROUTING_FILE
          + " and "
          + KEYSPACE;

  /**
   * A POSIX environment variable name. Checked in {@link
   * io.cellstack.api.validation.CrossResourceRules}, not by a CEL rule: a regular expression over
   * map keys, whose length the schema cannot bound, would exceed the API server's estimated cost
   * budget for a rule.
   */
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private FunctionEnv() {}
}
