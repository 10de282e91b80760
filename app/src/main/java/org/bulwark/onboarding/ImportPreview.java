package org.bulwark.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * What an import would do (before commit) or did (after): counts, the households it creates or changes with each
 * field's difference, and the rows it refuses or withholds. Identity numbers are masked; lists are cut at
 * {@link #LISTED} entries, the counts are whole.
 *
 * @param id       the preview's id, to commit it (null once committed)
 * @param storable whether a commit would store anything
 */
public record ImportPreview(
        String id,
        String fileName,
        String sha256,
        RegistryFileKind kind,
        String regionCode,
        Instant at,
        Counts counts,
        List<HouseholdChange> changes,
        List<RowRefusal> refused,
        boolean storable,
        Long importId) {

    /** The columns of health and disability: their values are shown only to users who may read sensitive data. */
    static final java.util.Set<String> SENSITIVE_COLUMNS = java.util.Set.of("健康状况", "残疾等级");

    /** This preview with the values of sensitive columns withheld (the change itself is still listed). */
    public ImportPreview withSensitiveWithheld(String withheld) {
        List<HouseholdChange> masked = changes.stream()
                .map(h -> new HouseholdChange(
                        h.householdNumber(),
                        h.change(),
                        h.fields(),
                        h.persons().stream()
                                .map(p -> new PersonChange(
                                        p.maskedIdNumber(),
                                        p.name(),
                                        p.change(),
                                        p.fields().stream()
                                                .map(f -> SENSITIVE_COLUMNS.contains(f.column())
                                                        ? new FieldChange(f.column(), withheld, withheld)
                                                        : f)
                                                .toList()))
                                .toList()))
                .toList();
        // a refusal of a health or disability cell quotes the value it could not read: its reason is withheld too
        List<RowRefusal> reasons = refused.stream()
                .map(r -> SENSITIVE_COLUMNS.contains(r.column())
                        ? new RowRefusal(
                                r.row(), r.householdNumber(), r.column(), r.column() + "：填写有误" + withheld, r.withheld())
                        : r)
                .toList();
        return new ImportPreview(
                id, fileName, sha256, kind, regionCode, at, counts, masked, reasons, storable, importId);
    }

    /** How many changes and refused rows a preview lists. */
    public static final int LISTED = 500;

    /** The counts of an import. */
    public record Counts(
            long rows,
            int householdsNew,
            int householdsChanged,
            int householdsUnchanged,
            int householdsRefused,
            int personsNew,
            int personsChanged,
            int personsUnchanged,
            int incomesNew,
            int incomesChanged,
            int incomesUnchanged,
            int rowsRefused,
            int rowsWithheld) {

        /** Whether the import changes nothing. */
        public boolean nothingToStore() {
            return householdsNew + householdsChanged + personsNew + personsChanged + incomesNew + incomesChanged == 0;
        }
    }

    /** A household (or, in an incomes file, a household's year) that the import creates or changes. */
    public record HouseholdChange(
            String householdNumber, Change change, List<FieldChange> fields, List<PersonChange> persons) {}

    /** A person the import adds or changes; the identity number masked. */
    public record PersonChange(String maskedIdNumber, String name, Change change, List<FieldChange> fields) {}

    /** One field's value before and after, in the template's words. */
    public record FieldChange(String column, String before, String after) {}

    /** New or changed. */
    public enum Change {
        NEW,
        CHANGED
    }

    /** The same preview after its commit: no id any more, the import's id. */
    ImportPreview committed(long importId) {
        return new ImportPreview(
                null, fileName, sha256, kind, regionCode, at, counts, changes, refused, false, importId);
    }
}
