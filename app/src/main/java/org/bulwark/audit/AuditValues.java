package org.bulwark.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bulwark.core.identity.Masking;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values before and after of an audit entry as a reader may see them — the rule of every other read
 * (docs/policy.md §11). Identity and phone numbers are masked for everyone (a property named like one, and
 * any number of their shape in free text); health, disability, medical and bank values are withheld from readers
 * without READ_SENSITIVE_DATA. Each masked value is named by a JSON pointer ({@code /after/members/0/idNumber}) so a
 * reader allowed to reveal can ask for that one value.
 */
final class AuditValues {

    /** What stands in for a withheld sensitive value: it shows the value exists, not what it is. */
    static final String WITHHELD = "***";

    // property names, lower case without '_', as the platform's records write them (Person, Household, department rows)
    private static final Set<String> IDENTITY = Set.of("idnumber", "identitynumber", "headidnumber");
    private static final Set<String> PHONE = Set.of("phone", "mobile", "telephone", "contactphone");
    private static final Set<String> SENSITIVE = Set.of(
            "health",
            "disability",
            "medicaloutofpocket",
            "diagnosis",
            "diseasecode",
            "diseasename",
            "bankaccount",
            "disabilitygrade");

    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9])([0-9]{3})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    /** One side (before or after) as shown, with the pointers of the values masked and withheld. */
    record Shown(String json, List<AuditView.MaskedValue> masked, List<String> withheld) {}

    private final ObjectMapper json;

    AuditValues(ObjectMapper json) {
        this.json = json;
    }

    /** The side's JSON text as the reader may see it; {@code side} is "before" or "after". */
    Shown show(String text, String side, boolean sensitive) {
        if (text == null) {
            return new Shown(null, List.of(), List.of());
        }
        JsonNode root = json.readTree(text);
        Shown shown = new Shown(null, new ArrayList<>(), new ArrayList<>());
        JsonNode result = walk(root, "/" + side, null, sensitive, shown);
        return new Shown(json.writeValueAsString(result), List.copyOf(shown.masked()), List.copyOf(shown.withheld()));
    }

    /** The full value at a pointer into the entry, when it is one shown masked; empty otherwise. */
    Optional<String> revealable(AuditEntry entry, String pointer) {
        for (String side : List.of("before", "after")) {
            String text = side.equals("before") ? entry.before() : entry.after();
            if (text != null
                    && pointer.startsWith("/" + side + "/")
                    && show(text, side, true).masked().stream()
                            .anyMatch(m -> m.pointer().equals(pointer))) {
                JsonNode value = json.readTree(text).at(pointer.substring(side.length() + 1));
                return Optional.of(value.asString());
            }
        }
        return Optional.empty();
    }

    /** Masks identity and mobile numbers inside free text (a summary, an entity id). */
    static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1***********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    private JsonNode walk(JsonNode node, String pointer, String key, boolean sensitive, Shown shown) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : List.copyOf(object.properties())) {
                object.set(
                        e.getKey(),
                        walk(e.getValue(), pointer + "/" + escape(e.getKey()), e.getKey(), sensitive, shown));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), pointer + "/" + i, key, sensitive, shown));
            }
            return array;
        }
        return value(node, pointer, key == null ? "" : key.replace("_", "").toLowerCase(Locale.ROOT), sensitive, shown);
    }

    private JsonNode value(JsonNode node, String pointer, String key, boolean sensitive, Shown shown) {
        if (node.isNull()) {
            return node;
        }
        if (SENSITIVE.contains(key) && !sensitive) {
            shown.withheld().add(pointer);
            return json.getNodeFactory().stringNode(WITHHELD);
        }
        if (!node.isString() && !node.isNumber()) {
            return node;
        }
        String text = node.asString();
        String masked = IDENTITY.contains(key)
                ? Masking.maskIdentityNumber(text)
                : PHONE.contains(key) ? Masking.maskPhone(text) : maskText(text);
        if (masked.equals(text)) {
            return node;
        }
        shown.masked().add(new AuditView.MaskedValue(pointer, masked));
        return json.getNodeFactory().stringNode(masked);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
