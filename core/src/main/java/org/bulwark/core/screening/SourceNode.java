package org.bulwark.core.screening;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML rule file that knows its line, so every complaint about the file can point at it. Built from
 * SnakeYAML's composed node tree rather than its Java objects, because only the node tree keeps the marks.
 */
final class SourceNode {

    private final String source;
    private final Node node;
    private final String path;

    private SourceNode(String source, Node node, String path) {
        this.source = source;
        this.node = node;
        this.path = path;
    }

    /** The root node of a YAML document. */
    static SourceNode read(Reader reader, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RuleException(source, null, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new RuleException(source, null, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new RuleException(source, null, 1, "the rule file is empty");
        }
        return new SourceNode(source, root, "");
    }

    String source() {
        return source;
    }

    /** 1-based line where the node starts. */
    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** 1-based line of the first character of a scalar's content: block scalars start on the line after the marker. */
    int contentLine() {
        if (node instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED)) {
            return line() + 1;
        }
        return line();
    }

    /** Where the node sits in the file, e.g. {@code features[1].where}, for messages. */
    String path() {
        return path;
    }

    RuleException problem(String reason) {
        return new RuleException(source, null, line(), reason);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping in file order; keys must be scalars and unique. */
    Map<String, SourceNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw problem(describe() + " must be a mapping");
        }
        Map<String, SourceNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new SourceNode(source, tuple.getKeyNode(), path).problem("keys must be plain text");
            }
            String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            if (entries.put(key.getValue(), new SourceNode(source, tuple.getValueNode(), childPath)) != null) {
                throw new SourceNode(source, key, path).problem("duplicate key '" + key.getValue() + "'");
            }
        }
        return entries;
    }

    /** Rejects keys other than the given ones, so that a misspelt key is an error rather than silently ignored. */
    SourceNode allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Map.Entry<String, SourceNode> entry : entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue()
                        .problem("unknown key '" + entry.getKey() + "'" + where() + "; expected one of "
                                + Arrays.toString(keys));
            }
        }
        return this;
    }

    /** The child under {@code key}; an error naming the key when it is missing. */
    SourceNode get(String key) {
        SourceNode child = entries().get(key);
        if (child == null) {
            throw problem("missing '" + key + "'" + where());
        }
        return child;
    }

    Optional<SourceNode> find(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    /** The items of a sequence. */
    List<SourceNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw problem(describe() + " must be a list");
        }
        List<SourceNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new SourceNode(source, values.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** The text of a scalar. */
    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw problem(describe() + " must be a single value");
        }
        return scalar.getValue();
    }

    /** The text of a scalar, which must not be blank. */
    String nonBlankText() {
        String text = text().strip();
        if (text.isEmpty()) {
            throw problem(describe() + " must not be empty");
        }
        return text;
    }

    double number() {
        String text = text().strip().replace("_", "");
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw problem(describe() + " must be a finite number, not '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw problem(describe() + " must be a number, not '" + text + "'");
        }
    }

    int integer() {
        String text = text().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw problem(describe() + " must be a whole number, not '" + text + "'");
        }
    }

    private String where() {
        return path.isEmpty() ? "" : " in " + path;
    }

    private String describe() {
        return path.isEmpty() ? "the document" : "'" + path + "'";
    }
}
