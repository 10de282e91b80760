package org.bulwark.core.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks the rows of one category's file: the header once ({@link #checkColumns}), then every row ({@link #validate}),
 * which yields typed values or the list of what is wrong. A header cell may be a field's name (any case) or its
 * Chinese label. Stateless after construction, so one instance may serve several threads.
 */
public final class RowValidator {

    /** The longest text a text field accepts, in characters. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** The row number that problems with the header carry. */
    public static final long HEADER_ROW = 1;

    private final CategorySchema schema;
    private final TableTemplate template;
    private final List<FieldSpec> fields;
    private final CellParser parser;
    private final Map<String, Integer> fieldIndexByHeader = new HashMap<>();
    /** The key fields' names and positions, worked out once: every row is checked for one of them. */
    private final List<String> keyFields;

    private final int[] keyPositions;

    /** A validator of rows of {@code schema}, for which dates after {@code today} are in the future. */
    public RowValidator(CategorySchema schema, LocalDate today) {
        this(Objects.requireNonNull(schema, "schema"), schema.template(), today);
    }

    /** A validator of rows of any table, for which dates after {@code today} are in the future. */
    public RowValidator(TableTemplate template, LocalDate today) {
        this(null, template, today);
    }

    private RowValidator(CategorySchema schema, TableTemplate template, LocalDate today) {
        this.schema = schema;
        this.template = Objects.requireNonNull(template, "template");
        this.fields = template.fields();
        this.parser = new CellParser(Objects.requireNonNull(today, "today"));
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            fieldIndexByHeader.put(field.name(), i);
            fieldIndexByHeader.put(field.label().strip(), i);
            fieldIndexByHeader.put(field.label().strip().toLowerCase(Locale.ROOT), i);
        }
        this.keyFields = template.oneOfFields();
        this.keyPositions = keyFields.stream().mapToInt(fieldIndexByHeader::get).toArray();
    }

    /** The category whose rows this validator checks; null for a validator of a {@link TableTemplate}. */
    public CategorySchema schema() {
        return schema;
    }

    /** The table whose rows this validator checks. */
    public TableTemplate template() {
        return template;
    }

    /** Each header cell that stands for a field (by name or label), mapped to the field's name, in header order. */
    public Map<String, String> headerToField(Collection<String> header) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String cell : header) {
            FieldSpec field = resolve(cell);
            if (field != null) {
                map.put(cell, field.name());
            }
        }
        return map;
    }

    /**
     * What is wrong with a header: columns that are not fields, two columns for one field, required columns that are
     * absent. Any problem here rejects the whole file, since its rows cannot be read reliably. Blank cells are ignored.
     */
    public List<RowProblem> checkColumns(Collection<String> header) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String cell : header) {
            if (cell == null || cell.isBlank()) {
                continue;
            }
            FieldSpec field = resolve(cell);
            if (field == null) {
                problems.add(new RowProblem(
                        HEADER_ROW,
                        cell,
                        RowProblem.UNKNOWN_COLUMN,
                        "列“" + cell + "”不是“" + template.label() + "”模板中的列"));
            } else if (seen.putIfAbsent(field.name(), cell) != null) {
                problems.add(new RowProblem(
                        HEADER_ROW,
                        field.name(),
                        RowProblem.DUPLICATE_COLUMN,
                        "列“" + seen.get(field.name()) + "”和“" + cell + "”都是“" + field.label() + "”，只能保留一列"));
            }
        }
        for (FieldSpec field : fields) {
            if (field.required() && !seen.containsKey(field.name())) {
                problems.add(new RowProblem(
                        HEADER_ROW, field.name(), RowProblem.MISSING_COLUMN, "缺少必填列“" + field.label() + "”"));
            }
        }
        if (keyFields.size() > 1 && keyFields.stream().noneMatch(seen::containsKey)) {
            problems.add(new RowProblem(
                    HEADER_ROW,
                    String.join(",", keyFields),
                    RowProblem.MISSING_COLUMN,
                    "以下各列至少要有一列：" + describeKeys()));
        }
        return problems;
    }

    /**
     * Validates one row.
     *
     * @param rowNumber the row's number in the file, carried into the problems
     * @param raw       cell text by header cell (a field's name or label); blank cells count as empty
     */
    public ValidatedRow validate(long rowNumber, Map<String, String> raw) {
        List<RowProblem> problems = new ArrayList<>();
        String[] cells = cellsByField(rowNumber, raw, problems);
        Object[] typed = new Object[fields.size()];
        check(rowNumber, cells, typed, problems);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null) {
                values.put(fields.get(i).name(), typed[i]);
            }
        }
        return new ValidatedRow(rowNumber, values, problems);
    }

    /**
     * Validates one row given as its cells in field order — what a reader whose header was checked
     * ({@link #checkColumns}) can hand over without a map per row; the checks are those of {@link #validate}.
     *
     * @param rowNumber the row's number in the file, carried into the problems
     * @param cells     the cell text of each field, by position in {@link CategorySchema#fields()}; null, empty or
     *                  blank where the row has no value; stripped here
     * @param values    receives the typed value of each field by the same position (null where blank or wrong)
     * @param problems  receives what is wrong with the row
     * @return whether the row is valid (no problem was added)
     */
    public boolean validate(long rowNumber, String[] cells, Object[] values, List<RowProblem> problems) {
        int before = problems.size();
        for (int i = 0; i < cells.length; i++) {
            String value = cells[i];
            if (value != null) {
                value = value.strip();
                cells[i] = value.isEmpty() ? null : value;
            }
        }
        check(rowNumber, cells, values, problems);
        return problems.size() == before;
    }

    private void check(long rowNumber, String[] cells, Object[] values, List<RowProblem> problems) {
        for (int i = 0; i < cells.length; i++) {
            FieldSpec field = fields.get(i);
            String text = cells[i];
            values[i] = null;
            if (text == null) {
                if (field.required()) {
                    problems.add(new RowProblem(
                            rowNumber, field.name(), RowProblem.MISSING, RowProblem.column(field) + "必填，不能为空"));
                }
                continue;
            }
            String alias = field.type() == FieldType.CHOICE ? template.alias(field, text) : null;
            values[i] = alias != null ? alias : parser.parse(field, text, rowNumber, problems);
        }
        checkSomeKey(rowNumber, cells, problems);
    }

    /** The stripped, non-blank cell of each field (null where blank), in field order. */
    private String[] cellsByField(long rowNumber, Map<String, String> raw, List<RowProblem> problems) {
        String[] cells = new String[fields.size()];
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (value.isEmpty() || entry.getKey() == null || entry.getKey().isBlank()) {
                continue;
            }
            Integer index = indexOf(entry.getKey());
            // reachable only where the header was not checked first, e.g. a later JSON object with its own keys
            if (index == null) {
                problems.add(new RowProblem(
                        rowNumber,
                        entry.getKey(),
                        RowProblem.UNKNOWN_COLUMN,
                        "“" + entry.getKey() + "”不是“" + template.label() + "”模板中的列"));
            } else if (cells[index] != null) {
                problems.add(new RowProblem(
                        rowNumber,
                        fields.get(index).name(),
                        RowProblem.DUPLICATE_COLUMN,
                        RowProblem.column(fields.get(index)) + "填了两次"));
            } else {
                cells[index] = value;
            }
        }
        return cells;
    }

    private void checkSomeKey(long rowNumber, String[] cells, List<RowProblem> problems) {
        if (keyPositions.length < 2) {
            return; // a single key is a required field, reported as missing already
        }
        for (int position : keyPositions) {
            if (cells[position] != null) {
                return;
            }
        }
        problems.add(new RowProblem(
                rowNumber, String.join(",", keyFields), RowProblem.MISSING_KEY, describeKeys() + "至少要填一项"));
    }

    private FieldSpec resolve(String header) {
        Integer index = indexOf(header);
        return index == null ? null : fields.get(index);
    }

    private Integer indexOf(String header) {
        if (header == null) {
            return null;
        }
        Integer index = fieldIndexByHeader.get(header);
        if (index == null) {
            String stripped = header.strip();
            index = fieldIndexByHeader.get(stripped);
            if (index == null) {
                index = fieldIndexByHeader.get(stripped.toLowerCase(Locale.ROOT));
            }
        }
        return index;
    }

    private String describeKeys() {
        return keyFields.stream()
                .map(name -> "“" + template.field(name).label() + "”")
                .collect(Collectors.joining("、"));
    }
}
