package org.bulwark.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.identity.UserNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an entry as its reader may see it (values already masked and withheld) into a line of the audit page: the
 * values before and after flattened into labelled rows with their codes translated. A creation or a deletion shows
 * every value; a change shows the values that differ (the version counter, which always does, is left out).
 */
final class AuditLines {

    private static final Set<String> NOT_SHOWN = Set.of("version");
    /** Fields whose values are user names: shown as the person's display name (issue 14, item 17). */
    private static final Set<String> PEOPLE = Set.of(
            "helper", "helperUsername", "uploadedBy", "handledBy", "assignedBy", "decidedBy", "verifiedBy", "openedBy");

    /** One value of one side: the field it is (its last name) and the value. */
    private record Leaf(String field, JsonNode value) {}

    private final AuditTexts texts;
    private final ObjectMapper json;

    AuditLines(AuditTexts texts, ObjectMapper json) {
        this.texts = texts;
        this.json = json;
    }

    /**
     * The entry as a line of the page; {@code people} finds the account behind a user name (the page's memo of
     * identity's answers), for the entry's author and for values that name a person.
     */
    AuditLine line(AuditView v, Function<String, UserNames.Named> people) {
        return new AuditLine(
                v,
                who(v.username(), people.apply(v.username())),
                v.username(),
                v.role() == null ? null : texts.message("role." + v.role(), null, v.role()),
                texts.message("audit.action." + v.action(), null, v.action().name()),
                texts.description(v),
                (texts.entityLabel(v.entityType()) + " " + Objects.toString(v.entityId(), "")).strip(),
                texts.message("audit.channel." + v.channel(), null, v.channel()),
                changes(v, people));
    }

    private String who(String username, UserNames.Named user) {
        if (user != null) {
            return user.displayName();
        }
        return texts.platformActor(username);
    }

    private List<AuditLine.Change> changes(AuditView v, Function<String, UserNames.Named> people) {
        Map<String, Leaf> before = leaves(v.before());
        Map<String, Leaf> after = leaves(v.after());
        Set<String> masked = new LinkedHashSet<>();
        v.masked().forEach(m -> masked.add(m.pointer()));
        Set<String> pointers = new LinkedHashSet<>(before.keySet());
        pointers.addAll(after.keySet());
        boolean both = v.before() != null && v.after() != null;
        List<AuditLine.Change> changes = new ArrayList<>();
        for (String pointer : pointers) {
            Leaf b = before.get(pointer);
            Leaf a = after.get(pointer);
            Leaf any = a != null ? a : b;
            if (NOT_SHOWN.contains(any.field())
                    || (both && b != null && a != null && b.value().equals(a.value()))
                    || (empty(b) && empty(a))) {
                continue;
            }
            changes.add(new AuditLine.Change(
                    texts.labelWithinSide(pointer),
                    cell(v, "/before" + pointer, b, masked, people),
                    cell(v, "/after" + pointer, a, masked, people)));
        }
        return changes;
    }

    /**
     * A value that says nothing: absent, null, or an empty text or list (a comment not given) — or the text "null",
     * which helper assignments wrote for a reason not given before issue 14.
     */
    private static boolean empty(Leaf leaf) {
        return leaf == null
                || leaf.value().isNull()
                || (leaf.value().isString()
                        && (leaf.value().asString().isEmpty()
                                || leaf.value().asString().equals("null")))
                || (leaf.value().isArray() && leaf.value().isEmpty());
    }

    private AuditLine.Cell cell(
            AuditView v, String pointer, Leaf leaf, Set<String> masked, Function<String, UserNames.Named> people) {
        if (leaf == null) {
            return new AuditLine.Cell(null, null);
        }
        if (PEOPLE.contains(leaf.field()) && leaf.value().isString()) {
            UserNames.Named person = people.apply(leaf.value().asString());
            if (person != null) {
                return new AuditLine.Cell(person.displayName(), null);
            }
        }
        return new AuditLine.Cell(
                texts.value(v.entityType(), leaf.field(), leaf.value()), masked.contains(pointer) ? pointer : null);
    }

    /** The side's values by JSON pointer within the side; a list of plain values is one value (a set of risks). */
    private Map<String, Leaf> leaves(String text) {
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        if (text != null) {
            walk(json.readTree(text), "", null, leaves);
        }
        return leaves;
    }

    private void walk(JsonNode node, String pointer, String field, Map<String, Leaf> leaves) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(
                        e.getValue(),
                        pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                        e.getKey(),
                        leaves);
            }
        } else if (node.isArray() && node.valueStream().anyMatch(n -> n.isObject() || n.isArray())) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, field, leaves);
            }
        } else {
            leaves.put(pointer.isEmpty() ? "/" : pointer, new Leaf(field, node));
        }
    }
}
