package org.bulwark.core.screening;

import java.util.Arrays;

/**
 * Selected entries of one category's index. Variables are the category's fields, read from the record table, and
 * the {@link RecordAttribute}s, derived from the record's person and date; each is gathered once per selection.
 */
final class RecordFrame extends Frame {

    private final CategorySchema schema;
    private final CategoryIndex index;
    private final PersonTable persons;
    private final int asOfDay;
    private final double[][] numberColumns;
    private final boolean[][] flagColumns;
    private final TextColumn[] textColumns;
    private final double[][] numberCache;
    private final boolean[][] flagCache;
    private final int[][] codeCache;
    private final int[] cachedFor;
    private int[] positions = new int[0];
    private int selection;

    RecordFrame(
            double[] parameters,
            int nodeCount,
            CategorySchema schema,
            CategoryIndex index,
            PersonTable persons,
            int asOfDay) {
        super(parameters, nodeCount);
        this.schema = schema;
        this.index = index;
        this.persons = persons;
        this.asOfDay = asOfDay;
        int slots = schema.fieldCount() + RecordAttribute.values().length;
        this.numberColumns = new double[slots][];
        this.flagColumns = new boolean[slots][];
        this.textColumns = new TextColumn[slots];
        RecordTable table = index.table();
        for (int slot = 0; slot < schema.fieldCount(); slot++) {
            String field = schema.fieldAt(slot);
            numberColumns[slot] = table.numberColumn(field);
            flagColumns[slot] = table.flagColumn(field);
            textColumns[slot] = table.textColumn(field);
        }
        this.numberCache = new double[slots][];
        this.flagCache = new boolean[slots][];
        this.codeCache = new int[slots][];
        this.cachedFor = new int[slots];
        Arrays.fill(cachedFor, -1);
    }

    /** Points the frame at other entries; what was gathered for the previous ones is forgotten. */
    void bind(int[] entryPositions) {
        this.positions = entryPositions;
        selection++;
    }

    @Override
    double[] numbers(int slot, int n) {
        double[] out = numberCache[slot];
        if (cachedFor[slot] == selection && out != null && out.length >= n) {
            return out;
        }
        if (out == null || out.length < n) {
            out = new double[grown(n)];
            numberCache[slot] = out;
        }
        if (slot < schema.fieldCount()) {
            double[] column = numberColumns[slot];
            int[] records = index.recordColumn();
            for (int i = 0; i < n; i++) {
                out[i] = column[records[positions[i]]];
            }
        } else {
            fillAttribute(schema.attributeAt(slot), out, n);
        }
        cachedFor[slot] = selection;
        return out;
    }

    private void fillAttribute(RecordAttribute attribute, double[] out, int n) {
        int[] days = index.dayColumn();
        for (int i = 0; i < n; i++) {
            int day = days[positions[i]];
            out[i] = switch (attribute) {
                case AGE -> age(positions[i], day);
                case DAYS_BEFORE -> asOfDay - day;
                case MONTHS_BEFORE -> CalendarDistance.wholeMonths(day, asOfDay);
                default -> throw new IllegalStateException(attribute + " is not a number");
            };
        }
    }

    /** Age on the record's date: from the registry's birth date, else from the identity number, else -1. */
    private int age(int position, int day) {
        int person = index.person(position);
        int birth = person >= 0 ? persons.birthColumn()[person] : PersonTable.UNKNOWN_DAY;
        if (birth == PersonTable.UNKNOWN_DAY) {
            birth = IdentityBirthDate.epochDay(index.table().idNumberColumn()[index.record(position)]);
        }
        return birth == PersonTable.UNKNOWN_DAY ? -1 : CalendarDistance.wholeYears(birth, day);
    }

    @Override
    boolean[] flags(int slot, int n) {
        boolean[] out = flagCache[slot];
        if (cachedFor[slot] == selection && out != null && out.length >= n) {
            return out;
        }
        if (out == null || out.length < n) {
            out = new boolean[grown(n)];
            flagCache[slot] = out;
        }
        int[] records = index.recordColumn();
        if (slot < schema.fieldCount()) {
            boolean[] column = flagColumns[slot];
            for (int i = 0; i < n; i++) {
                out[i] = column[records[positions[i]]];
            }
        } else {
            RecordAttribute attribute = schema.attributeAt(slot);
            for (int i = 0; i < n; i++) {
                out[i] = personFlag(attribute, index.person(positions[i]));
            }
        }
        cachedFor[slot] = selection;
        return out;
    }

    private boolean personFlag(RecordAttribute attribute, int person) {
        if (person < 0 || index.personIsKey()) {
            return false;
        }
        return switch (attribute) {
            case MEMBER -> true;
            case MAIN_LABOURER -> persons.mainLabourerColumn()[person];
            case ABLE_BODIED -> persons.ableBodiedColumn()[person];
            default -> throw new IllegalStateException(attribute + " is not a flag");
        };
    }

    @Override
    int[] textCodes(int slot, int n) {
        int[] out = codeCache[slot];
        if (cachedFor[slot] == selection && out != null && out.length >= n) {
            return out;
        }
        if (out == null || out.length < n) {
            out = new int[grown(n)];
            codeCache[slot] = out;
        }
        int[] column = textColumns[slot].codes();
        int[] records = index.recordColumn();
        for (int i = 0; i < n; i++) {
            out[i] = column[records[positions[i]]];
        }
        cachedFor[slot] = selection;
        return out;
    }

    @Override
    int textCode(int slot, String text) {
        return textColumns[slot].codeOf(text);
    }
}
