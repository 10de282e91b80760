package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records of one department data category in columns: links to the registry (household and person indices, -1
 * when not matched), the record's date, and named number, text and flag fields. A record not matched to a household
 * may carry the identity number of its person (a person not in the registry) or, for village-keyed categories, the
 * village code it applies to. A field missing from a row reads as 0, the empty text or false.
 */
public final class RecordTable {

    private final int size;
    private final int[] household;
    private final int[] person;
    private final int[] day;
    private final String[] idNumber;
    private final String[] villageCode;
    private final Map<String, double[]> numbers;
    private final Map<String, TextColumn> texts;
    private final Map<String, boolean[]> flags;

    private RecordTable(Builder builder) {
        this.size = builder.size;
        this.household = Arrays.copyOf(builder.household, size);
        this.person = Arrays.copyOf(builder.person, size);
        this.day = Arrays.copyOf(builder.day, size);
        this.idNumber = Arrays.copyOf(builder.idNumber, size);
        this.villageCode = Arrays.copyOf(builder.villageCode, size);
        this.numbers = new HashMap<>();
        builder.numbers.forEach((name, values) -> numbers.put(name, Arrays.copyOf(values, size)));
        this.texts = new HashMap<>();
        builder.texts.forEach((name, column) -> texts.put(name, column.copy(size)));
        this.flags = new HashMap<>();
        builder.flags.forEach((name, values) -> flags.put(name, Arrays.copyOf(values, size)));
    }

    private RecordTable(
            int size,
            int[] household,
            int[] person,
            int[] day,
            String[] idNumber,
            String[] villageCode,
            Map<String, double[]> numbers,
            Map<String, TextColumn> texts,
            Map<String, boolean[]> flags) {
        this.size = size;
        this.household = household;
        this.person = person;
        this.day = day;
        this.idNumber = idNumber;
        this.villageCode = villageCode;
        this.numbers = numbers;
        this.texts = texts;
        this.flags = flags;
    }

    /** A dictionary-encoded text column: each row's code into {@code dictionary}, whose entry 0 is the empty text. */
    public record Text(int[] codes, List<String> dictionary) {}

    /**
     * A table over columns filled elsewhere (a columnar store), taken as they are, not copied: the caller must not
     * change them afterwards. Every column has {@code size} entries; indices are -1 (none) or more; numbers are
     * finite; days are epoch days; identity numbers and village codes may be null.
     */
    public static RecordTable ofColumns(
            int size,
            int[] household,
            int[] person,
            int[] day,
            String[] idNumber,
            String[] villageCode,
            Map<String, double[]> numbers,
            Map<String, Text> texts,
            Map<String, boolean[]> flags) {
        checkLength("household", household.length, size);
        checkLength("person", person.length, size);
        checkLength("day", day.length, size);
        checkLength("idNumber", idNumber.length, size);
        checkLength("villageCode", villageCode.length, size);
        numbers.forEach((name, column) -> checkLength(name, column.length, size));
        flags.forEach((name, column) -> checkLength(name, column.length, size));
        Map<String, TextColumn> textColumns = new HashMap<>();
        texts.forEach((name, text) -> {
            checkLength(name, text.codes().length, size);
            textColumns.put(name, TextColumn.of(text.codes(), text.dictionary()));
        });
        for (int r = 0; r < size; r++) {
            if (household[r] < -1 || person[r] < -1) {
                throw new IllegalArgumentException("record " + r + ": indices must be -1 (none) or more");
            }
        }
        return new RecordTable(
                size,
                household,
                person,
                day,
                idNumber,
                villageCode,
                new HashMap<>(numbers),
                textColumns,
                new HashMap<>(flags));
    }

    private static void checkLength(String column, int length, int size) {
        if (length != size) {
            throw new IllegalArgumentException("column " + column + " has " + length + " entries, not " + size);
        }
    }

    /** A builder that adds records one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** A table without records. */
    public static RecordTable empty() {
        return new Builder().build();
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    /** Index of the record's household, or -1. */
    public int household(int record) {
        return household[record];
    }

    /** Index of the record's person, or -1. */
    public int person(int record) {
        return person[record];
    }

    /** The record's date. */
    public LocalDate date(int record) {
        return LocalDate.ofEpochDay(day[record]);
    }

    /** Identity number carried by the record, or {@code null}. */
    public String idNumber(int record) {
        return idNumber[record];
    }

    /** Village code carried by the record, or {@code null}. */
    public String villageCode(int record) {
        return villageCode[record];
    }

    /** A number field of a record; 0 when the row has none. */
    public double number(String field, int record) {
        double[] column = numbers.get(field);
        return column == null ? 0 : column[record];
    }

    /** A text field of a record; the empty text when the row has none. */
    public String text(String field, int record) {
        TextColumn column = texts.get(field);
        return column == null ? "" : column.value(record);
    }

    /** A flag field of a record; false when the row has none. */
    public boolean flag(String field, int record) {
        boolean[] column = flags.get(field);
        return column != null && column[record];
    }

    /** Whether the table has a column of that name and type. */
    boolean hasColumn(String field, FieldType type) {
        return switch (type) {
            case NUMBER -> numbers.containsKey(field);
            case TEXT -> texts.containsKey(field);
            case FLAG -> flags.containsKey(field);
        };
    }

    int[] householdColumn() {
        return household;
    }

    int[] personColumn() {
        return person;
    }

    int[] dayColumn() {
        return day;
    }

    String[] idNumberColumn() {
        return idNumber;
    }

    String[] villageCodeColumn() {
        return villageCode;
    }

    double[] numberColumn(String field) {
        return numbers.get(field);
    }

    TextColumn textColumn(String field) {
        return texts.get(field);
    }

    boolean[] flagColumn(String field) {
        return flags.get(field);
    }

    /**
     * Adds records row by row: {@code add…} starts a row, the field setters fill the row just started.
     * A table with no rows still declares the columns it was given, so that rules that read them may run on it.
     */
    public static final class Builder {

        private int size;
        private int capacity = 16;
        private int[] household = new int[capacity];
        private int[] person = new int[capacity];
        private int[] day = new int[capacity];
        private String[] idNumber = new String[capacity];
        private String[] villageCode = new String[capacity];
        private final Map<String, double[]> numbers = new HashMap<>();
        private final Map<String, TextColumn> texts = new HashMap<>();
        private final Map<String, boolean[]> flags = new HashMap<>();

        private Builder() {}

        /** Starts a record of a registered household; {@code personIndex} is -1 for a household-level record. */
        public Builder add(int householdIndex, int personIndex, LocalDate date) {
            if (householdIndex < -1 || personIndex < -1) {
                throw new IllegalArgumentException("indices must be -1 (none) or more");
            }
            return start(householdIndex, personIndex, date);
        }

        /** Starts a record of a person not matched to the registry, known by identity number only. */
        public Builder addUnregistered(String identityNumber, LocalDate date) {
            Objects.requireNonNull(identityNumber, "identityNumber");
            start(-1, -1, date);
            idNumber[size - 1] = identityNumber;
            return this;
        }

        /** Starts a record about a whole village (e.g. drinking water), applying to every household in it. */
        public Builder addForVillage(String village, LocalDate date) {
            Objects.requireNonNull(village, "village");
            start(-1, -1, date);
            villageCode[size - 1] = village;
            return this;
        }

        /** Sets the identity number the current record carries (kept as evidence, used when it is unmatched). */
        public Builder idNumber(String identityNumber) {
            idNumber[current()] = identityNumber;
            return this;
        }

        /** Sets the village code the current record carries. */
        public Builder villageCode(String village) {
            villageCode[current()] = village;
            return this;
        }

        /** Sets a number field of the current record. */
        public Builder number(String field, double value) {
            HouseholdTable.requireFinite(field, value);
            int row = current();
            checkNotOtherwiseTyped(field, FieldType.NUMBER);
            numbers.computeIfAbsent(field, name -> new double[capacity])[row] = value;
            return this;
        }

        /** Sets a text field of the current record; {@code null} is the empty text. */
        public Builder text(String field, String value) {
            int row = current();
            checkNotOtherwiseTyped(field, FieldType.TEXT);
            texts.computeIfAbsent(field, name -> new TextColumn(capacity)).set(row, value);
            return this;
        }

        /** Sets a flag field of the current record. */
        public Builder flag(String field, boolean value) {
            int row = current();
            checkNotOtherwiseTyped(field, FieldType.FLAG);
            flags.computeIfAbsent(field, name -> new boolean[capacity])[row] = value;
            return this;
        }

        /** Declares columns without rows, so that an empty table still says which fields it has. */
        public Builder declare(String field, String type) {
            FieldType fieldType = FieldType.fromCode(type);
            if (fieldType == null) {
                throw new IllegalArgumentException("field type must be number, text or flag, not " + type);
            }
            checkNotOtherwiseTyped(field, fieldType);
            switch (fieldType) {
                case NUMBER -> numbers.computeIfAbsent(field, name -> new double[capacity]);
                case TEXT -> texts.computeIfAbsent(field, name -> new TextColumn(capacity));
                case FLAG -> flags.computeIfAbsent(field, name -> new boolean[capacity]);
            }
            return this;
        }

        /** The table of the records added so far. */
        public RecordTable build() {
            return new RecordTable(this);
        }

        private Builder start(int householdIndex, int personIndex, LocalDate date) {
            Objects.requireNonNull(date, "date");
            if (size == capacity) {
                grow();
            }
            household[size] = householdIndex;
            person[size] = personIndex;
            day[size] = (int) date.toEpochDay();
            size++;
            return this;
        }

        private int current() {
            if (size == 0) {
                throw new IllegalStateException("start a record with add… before setting its fields");
            }
            return size - 1;
        }

        private void checkNotOtherwiseTyped(String field, FieldType type) {
            if ((type != FieldType.NUMBER && numbers.containsKey(field))
                    || (type != FieldType.TEXT && texts.containsKey(field))
                    || (type != FieldType.FLAG && flags.containsKey(field))) {
                throw new IllegalArgumentException("field " + field + " already has another type");
            }
        }

        private void grow() {
            capacity *= 2;
            household = Arrays.copyOf(household, capacity);
            person = Arrays.copyOf(person, capacity);
            day = Arrays.copyOf(day, capacity);
            idNumber = Arrays.copyOf(idNumber, capacity);
            villageCode = Arrays.copyOf(villageCode, capacity);
            numbers.replaceAll((name, values) -> Arrays.copyOf(values, capacity));
            flags.replaceAll((name, values) -> Arrays.copyOf(values, capacity));
            // text columns grow on their own when a row beyond their end is set
        }
    }
}
