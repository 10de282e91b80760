package org.bulwark.layout;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Turns the layout's Parquet rows straight into its row records, column by column, without parquet-java's example
 * groups; texts that a page's dictionary holds (codes, categories, field names) are decoded once per dictionary.
 */
final class RowConverters {

    private RowConverters() {}

    static RecordMaterializer<HouseholdRow> households(MessageType schema) {
        return materializer(
                schema,
                Map.of(),
                row -> new HouseholdRow(row.longValue("household_id"), row.text("village_code"), row.text("category")));
    }

    static RecordMaterializer<PersonRow> persons(MessageType schema) {
        return materializer(
                schema,
                Map.of(),
                row -> new PersonRow(
                        row.longValue("person_id"),
                        row.longValue("household_id"),
                        row.text("village_code"),
                        row.text("id_number"),
                        row.date("birth_date"),
                        row.text("labour_capacity")));
    }

    static RecordMaterializer<IncomeRow> incomes(MessageType schema) {
        return materializer(
                schema,
                Map.of(),
                row -> new IncomeRow(
                        row.longValue("household_id"),
                        row.text("village_code"),
                        (int) row.longValue("year"),
                        row.doubleValue("net_income")));
    }

    static RecordMaterializer<RecordRow> records(MessageType schema) {
        MapColumn fields = new MapColumn();
        return materializer(
                schema,
                Map.of("fields", fields),
                row -> new RecordRow(
                        row.longValue("record_id"),
                        row.text("category"),
                        row.nullableLong("household_id"),
                        row.nullableLong("person_id"),
                        row.text("id_number"),
                        row.text("village_code"),
                        row.text("region_code"),
                        row.date("record_date"),
                        fields.map));
    }

    private static <T> RecordMaterializer<T> materializer(
            MessageType schema, Map<String, Converter> groups, Function<Row, T> build) {
        Row root = new Row(schema, groups, build);
        return new RecordMaterializer<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T getCurrentRecord() {
                return (T) root.current;
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
    }

    /** One row's primitive columns by name, and its groups' converters. */
    private static final class Row extends GroupConverter {
        private final Converter[] converters;
        private final Map<String, Column> columns = new HashMap<>();
        private final Function<Row, ?> build;
        Object current;

        Row(GroupType schema, Map<String, Converter> groups, Function<Row, ?> build) {
            this.build = build;
            converters = new Converter[schema.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                String name = schema.getFieldName(i);
                if (schema.getType(i).isPrimitive()) {
                    Column column =
                            new Column(schema.getType(i).asPrimitiveType().getPrimitiveTypeName()
                                    == PrimitiveType.PrimitiveTypeName.BINARY);
                    columns.put(name, column);
                    converters[i] = column;
                } else {
                    converters[i] = groups.get(name);
                }
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            for (Converter converter : converters) {
                if (converter instanceof Column column) {
                    column.present = false;
                }
            }
        }

        @Override
        public void end() {
            current = build.apply(this);
        }

        private Column column(String name) {
            Column column = columns.get(name);
            return column != null && column.present ? column : null;
        }

        long longValue(String name) {
            return columns.get(name).number;
        }

        double doubleValue(String name) {
            return columns.get(name).real;
        }

        Long nullableLong(String name) {
            Column column = column(name);
            return column == null ? null : column.number;
        }

        String text(String name) {
            Column column = column(name);
            return column == null ? null : column.value;
        }

        LocalDate date(String name) {
            Column column = column(name);
            return column == null ? null : LocalDate.ofEpochDay(column.number);
        }
    }

    /** A primitive column's value in the current row. */
    private static final class Column extends PrimitiveConverter {
        boolean present;
        long number;
        double real;
        String value;
        private final boolean text;
        private String[] dictionary;

        Column(boolean text) {
            this.text = text;
        }

        @Override
        public boolean hasDictionarySupport() {
            return text;
        }

        @Override
        public void setDictionary(Dictionary pageDictionary) {
            dictionary = new String[pageDictionary.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = pageDictionary.decodeToBinary(id).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            value = dictionary[dictionaryId];
            present = true;
        }

        @Override
        public void addBinary(Binary value) {
            this.value = value.toStringUsingUTF8();
            present = true;
        }

        @Override
        public void addLong(long value) {
            number = value;
            present = true;
        }

        @Override
        public void addInt(int value) {
            number = value;
            present = true;
        }

        @Override
        public void addDouble(double value) {
            real = value;
            present = true;
        }
    }

    /** A map of texts ({@code fields}): a new map per row, its entries in the file's order. */
    private static final class MapColumn extends GroupConverter {
        private final Column key = new Column(true);
        private final Column value = new Column(true);
        private final GroupConverter entry = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return fieldIndex == 0 ? key : value;
            }

            @Override
            public void start() {
                value.present = false;
            }

            @Override
            public void end() {
                map.put(key.value, value.present ? value.value : null);
            }
        };
        Map<String, String> map;

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            map = new LinkedHashMap<>();
        }

        @Override
        public void end() {}
    }
}
