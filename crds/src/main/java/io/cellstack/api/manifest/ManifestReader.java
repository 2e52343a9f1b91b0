package io.cellstack.api.manifest;

import io.cellstack.api.validation.Finding;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads Kubernetes manifests from files, directories (recursively, {@code *.yaml} and {@code
 * *.yml}, skipping kustomization files) or a stream, keeping the line of every field. Broken YAML
 * becomes a finding with its line, never an exception.
 */
public final class ManifestReader {

  /** The source name used for standard input. */
  public static final String STDIN = "<stdin>";

  private final List<Manifest> manifests = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /** Manifests read so far. */
  public List<Manifest> manifests() {
    return manifests;
  }

  /** Problems met while reading (unreadable files, malformed YAML). */
  public List<Finding> findings() {
    return findings;
  }

  /** Reads a file, or every YAML file under a directory. */
  public ManifestReader read(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        files
            .filter(Files::isRegularFile)
            .filter(ManifestReader::isManifestFile)
            .sorted()
            .forEach(this::readFile);
      } catch (IOException e) {
        findings.add(Finding.ofFile(path.toString(), "cannot list directory: " + e.getMessage()));
      }
    } else if (Files.isRegularFile(path)) {
      readFile(path);
    } else {
      findings.add(Finding.ofFile(path.toString(), "no such file or directory"));
    }
    return this;
  }

  /** Reads YAML text from {@code source} (e.g. standard input). */
  public ManifestReader read(String source, Reader reader) {
    parse(source, reader);
    return this;
  }

  private void readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      findings.add(Finding.ofFile(file.toString(), "cannot read: " + e.getMessage()));
      return;
    }
    parse(file.toString(), new StringReader(text));
  }

  private static boolean isManifestFile(Path file) {
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    return yaml && !name.startsWith("kustomization.") && !name.startsWith("Kustomization");
  }

  private void parse(String source, Reader reader) {
    LoadSettings settings = LoadSettings.builder().setLabel(source).build();
    try {
      for (Node node : new Compose(settings).composeAllFromReader(reader)) {
        if (node == null || isNull(node)) {
          continue;
        }
        FieldLines lines = new FieldLines();
        Object content = toValue(node, "", lines, source);
        if (content instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> document = (Map<String, Object>) map;
          manifests.add(new Manifest(source, document, lines));
        } else {
          findings.add(
              Finding.at(
                  source, lines.lineOf(""), "document is not a mapping (expected a resource)"));
        }
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
      findings.add(Finding.at(source, line, "malformed YAML: " + e.getProblem()));
    } catch (DuplicateKeyException e) {
      findings.add(Finding.at(source, e.line, "malformed YAML: " + e.getMessage()));
    } catch (YamlEngineException e) {
      findings.add(Finding.ofFile(source, "malformed YAML: " + firstLine(e.getMessage())));
    }
  }

  private static Object toValue(Node node, String path, FieldLines lines, String source) {
    int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    lines.put(path, line);
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        String child = path.isEmpty() ? key : path + "." + key;
        int keyLine = tuple.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(line);
        if (map.containsKey(key)) {
          throw new DuplicateKeyException("duplicate key '" + key + "'", keyLine);
        }
        lines.put(child, keyLine);
        map.put(key, toValue(tuple.getValueNode(), child, lines, source));
      }
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        list.add(toValue(items.get(i), path + "[" + i + "]", lines, source));
      }
      return list;
    }
    return scalar((ScalarNode) node);
  }

  private static Object scalar(ScalarNode node) {
    String value = node.getValue();
    Tag tag = node.getTag();
    try {
      if (Tag.INT.equals(tag)) {
        return new BigInteger(value.replace("_", "")).longValueExact();
      }
      if (Tag.FLOAT.equals(tag)) {
        return Double.parseDouble(value);
      }
    } catch (ArithmeticException e) {
      return new BigInteger(value.replace("_", "")); // out of range; the schema check reports it
    } catch (NumberFormatException e) {
      return value;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
    }
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    return value;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }

  /** A key that appears twice in one mapping. */
  private static final class DuplicateKeyException extends RuntimeException {
    private final int line;

    DuplicateKeyException(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
