package org.bulwark.core.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One data category a department sends: its keys, its fields and which of them date the record, name the person and
 * carry the main amount. The key columns are fields too ({@link KeyType#field()}), as is {@code name} where the
 * category has the person's name.
 *
 * @param code            stable code, e.g. {@code medical_settlement}
 * @param department      the sending department's code, e.g. {@code medical_security}
 * @param departmentLabel the department's Chinese name
 * @param label           the category's Chinese name
 * @param keys            the accepted keys; with more than one, a row needs at least one of them
 * @param nameField       the field with the person's name, used to check the match, or null
 * @param dateField       the required date field that dates the record
 * @param amountField     the main amount, or null
 * @param period          what one record covers
 * @param fields          all fields in column order
 * @param sensitive       health, disability or bank data (docs/policy.md §11): its records are shown only to
 *                        roles that need them
 * @param platformProduced the platform writes the category's records from its own ledgers (industry_benefit): no one
 *                        uploads them, so a file claiming to be one cannot stand in for the platform's figures
 */
public record CategorySchema(
        String code,
        String department,
        String departmentLabel,
        String label,
        List<KeyType> keys,
        String nameField,
        String dateField,
        String amountField,
        Period period,
        List<FieldSpec> fields,
        boolean sensitive,
        boolean platformProduced) {

    /** A category departments send. */
    public CategorySchema(
            String code,
            String department,
            String departmentLabel,
            String label,
            List<KeyType> keys,
            String nameField,
            String dateField,
            String amountField,
            Period period,
            List<FieldSpec> fields,
            boolean sensitive) {
        this(
                code,
                department,
                departmentLabel,
                label,
                keys,
                nameField,
                dateField,
                amountField,
                period,
                fields,
                sensitive,
                false);
    }

    /** A category that is not sensitive. */
    public CategorySchema(
            String code,
            String department,
            String departmentLabel,
            String label,
            List<KeyType> keys,
            String nameField,
            String dateField,
            String amountField,
            Period period,
            List<FieldSpec> fields) {
        this(code, department, departmentLabel, label, keys, nameField, dateField, amountField, period, fields, false);
    }

    /** Checks that the parts fit together; throws {@link IllegalArgumentException} saying what does not. */
    public CategorySchema {
        requireText(code, "code");
        requireText(department, "department");
        requireText(departmentLabel, "department label");
        requireText(label, "label");
        Objects.requireNonNull(period, "period");
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys: list at least one of person, household, village");
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            throw new IllegalArgumentException("a key is listed twice in " + keys);
        }
        checkUniqueFields(fields);
        checkKeys(keys, fields);
        checkRole(fields, "date_field", dateField, true, Set.of(FieldType.DATE));
        if (!find(fields, dateField).map(FieldSpec::required).orElse(false)) {
            throw new IllegalArgumentException("date_field " + dateField + " must be required: it dates the record");
        }
        checkRole(fields, "name_field", nameField, false, Set.of(FieldType.TEXT));
        checkRole(fields, "amount_field", amountField, false, Set.of(FieldType.DECIMAL, FieldType.INTEGER));
    }

    /** The field with this name, if the category has it. */
    public Optional<FieldSpec> field(String name) {
        return find(fields, name);
    }

    /** The category as a table: its fields, and its keys as the fields of which a row needs one (when several). */
    public TableTemplate template() {
        return new TableTemplate(label, fields, java.util.Map.of(), keys.size() > 1 ? keyFields() : List.of());
    }

    /** The names of the key fields, in the order of {@link #keys()}. */
    public List<String> keyFields() {
        return keys.stream().map(KeyType::field).toList();
    }

    private static Optional<FieldSpec> find(List<FieldSpec> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + what);
        }
    }

    private static void checkUniqueFields(List<FieldSpec> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        // a header cell is matched against names and labels alike, so no text may stand for two fields
        Set<String> headers = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!headers.add(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " is defined twice");
            }
            if (!headers.add(field.label().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "label '" + field.label() + "' of field " + field.name() + " is already used by another field");
            }
        }
    }

    private static void checkKeys(List<KeyType> keys, List<FieldSpec> fields) {
        for (KeyType key : keys) {
            FieldSpec field = find(fields, key.field())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "key " + key.name().toLowerCase(Locale.ROOT) + " needs a field named " + key.field()));
            if (field.type() != FieldType.TEXT) {
                throw new IllegalArgumentException("key field " + key.field() + " must be text, not " + field.type()
                        + ", so leading zeros and the X of identity numbers survive");
            }
            if (keys.size() == 1 && !field.required()) {
                throw new IllegalArgumentException(
                        "key field " + key.field() + " must be required: it is the only key");
            }
        }
    }

    private static void checkRole(
            List<FieldSpec> fields, String role, String name, boolean mandatory, Set<FieldType> types) {
        if (name == null) {
            if (mandatory) {
                throw new IllegalArgumentException("no " + role);
            }
            return;
        }
        FieldSpec field = find(fields, name)
                .orElseThrow(() -> new IllegalArgumentException(role + " '" + name + "' is not one of its fields"));
        if (!types.contains(field.type())) {
            throw new IllegalArgumentException(role + " " + name + " must be of type "
                    + types.stream()
                            .map(t -> t.name().toLowerCase(Locale.ROOT))
                            .sorted()
                            .toList() + ", not "
                    + field.type().name().toLowerCase(Locale.ROOT));
        }
    }
}
