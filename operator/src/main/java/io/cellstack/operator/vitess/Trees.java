package io.cellstack.operator.vitess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and copying the plain JSON trees (maps and lists) of the Vitess objects' specs. */
final class Trees {

  private Trees() {}

  /** {@code base} with {@code over}'s entries put over it, as a new map. */
  static Map<String, Object> union(Object base, Object over) {
    Map<String, Object> result = copyMap(base);
    map(over).forEach((k, v) -> result.put(k, copy(v)));
    return result;
  }

  /** {@code value} as a map; a new empty one when it is not a map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** {@code value} as a list; an empty one when it is not a list. */
  static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  /** A deep, mutable copy of {@code value} as a map. */
  static Map<String, Object> copyMap(Object value) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map(value).forEach((k, v) -> copy.put(k, copy(v)));
    return copy;
  }

  /** A deep, mutable copy of {@code value} as a list. */
  static List<Object> copyList(Object value) {
    List<Object> copy = new ArrayList<>();
    list(value).forEach(v -> copy.add(copy(v)));
    return copy;
  }

  /** A deep copy of a JSON value: maps and lists copied, scalars as they are. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?>) {
      return copyMap(value);
    }
    return value instanceof List<?> ? copyList(value) : value;
  }
}
