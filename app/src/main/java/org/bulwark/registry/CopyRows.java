package org.bulwark.registry;

/** Rows in PostgreSQL's COPY text format: tab separated, {@code \N} for null, backslash escapes. */
final class CopyRows {

    private CopyRows() {}

    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            append(out, values[i]);
        }
        out.append('\n');
    }

    static void person(StringBuilder out, long id, boolean isNew, long householdId, ImportedPerson p) {
        row(
                out,
                id,
                isNew,
                householdId,
                p.idNumber(),
                p.name(),
                p.sex().name(),
                p.birthDate(),
                p.relation().name(),
                name(p.education()),
                name(p.health()),
                p.disability() == null ? "NONE" : p.disability().name(),
                name(p.labourCapacity()),
                name(p.employment()),
                name(p.employmentPlace()),
                p.employmentMonths(),
                name(p.schooling()),
                p.medicalInsured(),
                p.pensionInsured());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
