package org.bulwark.core.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What rules may read of one department data category: its key, the field that dates a record, and its fields by type.
 * Rule expressions over the category's records see these fields, the {@link RecordAttribute}s and the parameters.
 */
final class CategorySchema {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final CategoryKey key;
    private final String dateField;
    private final Map<String, FieldType> fields;
    private final List<String> fieldNames;
    private final VariableScope scope;

    private CategorySchema(
            String name, CategoryKey key, String dateField, Map<String, FieldType> fields, List<String> parameters) {
        this.name = name;
        this.key = key;
        this.dateField = dateField;
        this.fields = fields;
        this.fieldNames = List.copyOf(fields.keySet());
        Map<String, VariableScope.Variable> variables = new LinkedHashMap<>();
        int slot = 0;
        for (Map.Entry<String, FieldType> field : fields.entrySet()) {
            variables.put(field.getKey(), new VariableScope.Variable(field.getKey(), slot++, field.getValue()));
        }
        for (RecordAttribute attribute : RecordAttribute.values()) {
            variables.put(
                    attribute.variable(), new VariableScope.Variable(attribute.variable(), slot++, attribute.type()));
        }
        this.scope = new VariableScope(variables, parameters);
    }

    /** Parses one entry of the {@code categories} section. */
    static CategorySchema parse(String name, SourceNode node, List<String> parameters) {
        if (!NAME.matcher(name).matches()) {
            throw node.problem("category name '" + name + "' must be lower case letters, digits and _");
        }
        node.allowOnly("key", "date", "fields");
        CategoryKey key = CategoryKey.fromCode(node.get("key").nonBlankText());
        if (key == null) {
            throw node.get("key").problem("key of " + name + " must be person, household or village");
        }
        String dateField = node.get("date").nonBlankText();
        Map<String, FieldType> fields = new LinkedHashMap<>();
        SourceNode fieldsNode = node.find("fields").orElse(null);
        if (fieldsNode != null && fieldsNode.isMapping()) {
            for (Map.Entry<String, SourceNode> field : fieldsNode.entries().entrySet()) {
                fields.put(field.getKey(), fieldType(name, field.getKey(), field.getValue()));
            }
        } else if (fieldsNode != null && !fieldsNode.text().isBlank()) {
            throw fieldsNode.problem("fields of " + name + " must map field names to number, text or flag");
        }
        return new CategorySchema(name, key, dateField, fields, parameters);
    }

    private static FieldType fieldType(String category, String field, SourceNode node) {
        if (!NAME.matcher(field).matches()) {
            throw node.problem("field name '" + field + "' must be lower case letters, digits and _");
        }
        for (RecordAttribute attribute : RecordAttribute.values()) {
            if (attribute.variable().equals(field)) {
                throw node.problem("field '" + field + "' of " + category
                        + " has the name of a record attribute the engine provides; rename it");
            }
        }
        FieldType type = FieldType.fromCode(node.nonBlankText());
        if (type == null) {
            throw node.problem(
                    "field " + field + " of " + category + " must be number, text or flag, not '" + node.text() + "'");
        }
        return type;
    }

    String name() {
        return name;
    }

    CategoryKey key() {
        return key;
    }

    String dateField() {
        return dateField;
    }

    Map<String, FieldType> fields() {
        return fields;
    }

    /** The scope of {@code where} and {@code value} expressions over this category's records. */
    VariableScope scope() {
        return scope;
    }

    int fieldCount() {
        return fields.size();
    }

    /** The attribute read from a slot past the fields. */
    RecordAttribute attributeAt(int slot) {
        return RecordAttribute.values()[slot - fields.size()];
    }

    /** The field name read from a slot, or {@code null} for an attribute slot. */
    String fieldAt(int slot) {
        return slot >= fieldNames.size() ? null : fieldNames.get(slot);
    }
}
