package io.cellstack.api.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a resource against a CRD's structural OpenAPI schema the way the API server does: fills in
 * defaults, then checks types, required and unknown fields, enums, patterns, bounds and sizes, then
 * the CEL rules of every object whose own fields passed. Works on a copy; the input stays as it
 * was.
 */
final class SchemaValidator {

  private final CelRules cel;
  private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

  SchemaValidator(CelRules cel) {
    this.cel = cel;
  }

  /** The defaulted copy of {@code value}; violations are added to {@code errors}. */
  Object validate(Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    int before = errors.size();
    Object checked = check(value, schema, path, errors);
    if (errors.size() == before) {
      checkRules(checked, schema, path, errors);
    }
    return checked;
  }

  private Object check(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        errors.add(FieldError.error(path, "must have a value (it is empty)"));
      }
      return null;
    }
    String type = (String) schema.get("type");
    if (type == null) {
      return value;
    }
    return switch (type) {
      case "object" -> checkObject(value, schema, path, errors);
      case "array" -> checkArray(value, schema, path, errors);
      case "string" -> checkString(value, schema, path, errors);
      case "integer" -> checkInteger(value, schema, path, errors);
      case "number" -> checkNumber(value, schema, path, errors);
      case "boolean" ->
          expect(value instanceof Boolean, value, "a boolean (true or false)", path, errors);
      default -> value;
    };
  }

  @SuppressWarnings("unchecked")
  private Object checkObject(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (!(value instanceof Map<?, ?> raw)) {
      return expect(false, value, "an object", path, errors);
    }
    Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) raw);
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    Object additional = schema.get("additionalProperties");
    boolean preserveUnknown =
        Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
    if (properties != null) {
      for (String key : List.copyOf(object.keySet())) {
        if (!properties.containsKey(key) && additional == null && !preserveUnknown) {
          errors.add(FieldError.error(join(path, key), unknownField(key, properties.keySet())));
        }
      }
      for (Map.Entry<String, Object> property : properties.entrySet()) {
        Map<String, Object> propertySchema = (Map<String, Object>) property.getValue();
        String key = property.getKey();
        if (!object.containsKey(key) && propertySchema.containsKey("default")) {
          object.put(key, Defaults.copy(propertySchema.get("default")));
        }
        if (object.containsKey(key)) {
          object.put(key, validate(object.get(key), propertySchema, join(path, key), errors));
        }
      }
    }
    if (additional instanceof Map<?, ?> additionalSchema) {
      for (Map.Entry<String, Object> entry : object.entrySet()) {
        if (properties == null || !properties.containsKey(entry.getKey())) {
          entry.setValue(
              validate(
                  entry.getValue(),
                  (Map<String, Object>) additionalSchema,
                  join(path, entry.getKey()),
                  errors));
        }
      }
    }
    for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
      if (!object.containsKey(required)) {
        errors.add(FieldError.error(join(path, (String) required), "is required"));
      }
    }
    return object;
  }

  @SuppressWarnings("unchecked")
  private Object checkArray(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (!(value instanceof List<?> raw)) {
      return expect(false, value, "a list", path, errors);
    }
    List<Object> list = new ArrayList<>(raw);
    bound(list.size(), schema.get("minItems"), schema.get("maxItems"), "items", path, errors);
    Map<String, Object> items = (Map<String, Object>) schema.get("items");
    if (items != null) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, validate(list.get(i), items, path + "[" + i + "]", errors));
      }
    }
    return list;
  }

  private Object checkString(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (!(value instanceof String s)) {
      return expect(false, value, "a string", path, errors);
    }
    List<?> allowed = (List<?>) schema.get("enum");
    if (allowed != null && !allowed.contains(s)) {
      errors.add(
          FieldError.error(
              path,
              "must be one of "
                  + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + " (was \""
                  + s
                  + "\")"));
      return s;
    }
    bound(
        s.codePointCount(0, s.length()),
        schema.get("minLength"),
        schema.get("maxLength"),
        "characters",
        path,
        errors);
    String pattern = (String) schema.get("pattern");
    if (pattern != null && !patterns.computeIfAbsent(pattern, Pattern::compile).matcher(s).find()) {
      errors.add(FieldError.error(path, "\"" + s + "\" does not match " + pattern));
    }
    return s;
  }

  private Object checkInteger(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (value instanceof BigInteger big) {
      errors.add(FieldError.error(path, big + " is out of the 64-bit integer range"));
      return value;
    }
    if (!(value instanceof Long n)) {
      return expect(false, value, "an integer", path, errors);
    }
    range(n, schema, path, errors);
    return n;
  }

  private Object checkNumber(
      Object value, Map<String, Object> schema, String path, List<FieldError> errors) {
    if (!(value instanceof Long) && !(value instanceof Double)) {
      return expect(false, value, "a number", path, errors);
    }
    range(((Number) value).doubleValue(), schema, path, errors);
    return value;
  }

  private static void range(
      double n, Map<String, Object> schema, String path, List<FieldError> errors) {
    Object min = schema.get("minimum");
    Object max = schema.get("maximum");
    if (min instanceof Number m && n < m.doubleValue()) {
      errors.add(
          FieldError.error(path, "must be at least " + plain(m) + " (was " + plain(n) + ")"));
    } else if (max instanceof Number m && n > m.doubleValue()) {
      errors.add(FieldError.error(path, "must be at most " + plain(m) + " (was " + plain(n) + ")"));
    }
  }

  private static void bound(
      int size, Object min, Object max, String unit, String path, List<FieldError> errors) {
    if (min instanceof Number m && size < m.longValue()) {
      errors.add(
          FieldError.error(
              path, "must have at least " + m.longValue() + " " + unit + " (has " + size + ")"));
    } else if (max instanceof Number m && size > m.longValue()) {
      errors.add(
          FieldError.error(
              path, "must have at most " + m.longValue() + " " + unit + " (has " + size + ")"));
    }
  }

  @SuppressWarnings("unchecked")
  private void checkRules(
      Object self, Map<String, Object> schema, String path, List<FieldError> errors) {
    Object rules = schema.get("x-kubernetes-validations");
    if (!(rules instanceof List<?> list) || self == null) {
      return;
    }
    for (Object item : list) {
      Map<String, Object> rule = (Map<String, Object>) item;
      String expression = (String) rule.get("rule");
      String fieldPath = (String) rule.getOrDefault("fieldPath", "");
      String field =
          path.isEmpty() && fieldPath.startsWith(".") ? fieldPath.substring(1) : path + fieldPath;
      try {
        if (!cel.holds(expression, self)) {
          String message = (String) rule.getOrDefault("message", "failed rule: " + expression);
          errors.add(FieldError.error(field, message));
        }
      } catch (IllegalStateException e) {
        errors.add(FieldError.error(field, e.getMessage()));
      }
    }
  }

  private static Object expect(
      boolean ok, Object value, String what, String path, List<FieldError> errors) {
    if (!ok) {
      errors.add(FieldError.error(path, "must be " + what + " (was " + describe(value) + ")"));
    }
    return value;
  }

  private static String unknownField(String key, java.util.Set<String> known) {
    String near =
        known.stream()
            .filter(k -> Defaults.editDistance(k.toLowerCase(), key.toLowerCase()) <= 2)
            .findFirst()
            .orElse(null);
    return near != null
        ? "unknown field; did you mean " + near + "?"
        : "unknown field; known fields are " + String.join(", ", known);
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return String.valueOf(value);
  }

  private static String plain(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String plain(double d) {
    return plain((Number) d);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
