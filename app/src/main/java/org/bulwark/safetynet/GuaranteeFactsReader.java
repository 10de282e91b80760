package org.bulwark.safetynet;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.exchange.ComparedRecord;

/**
 * Reads the department records behind the three guarantees, newest first as they come: the school status of this
 * school year, the enrolment of this year, the latest housing appraisal, and the latest water check of the last
 * twelve months (the same windows the screening rules use).
 */
final class GuaranteeFactsReader {

    private final List<ComparedRecord> records;
    private final LocalDate today;
    private final LocalDate schoolYearStart;

    GuaranteeFactsReader(List<ComparedRecord> records, LocalDate today) {
        this.records = records;
        this.today = today;
        LocalDate september = LocalDate.of(today.getYear(), 9, 1);
        this.schoolYearStart = september.isAfter(today) ? september.minusYears(1) : september;
    }

    String schoolStatus(long personId) {
        return latest("school_status", personId, schoolYearStart)
                .map(r -> r.raw().get("status"))
                .orElse(null);
    }

    Boolean enrolled(long personId) {
        return latest("medical_enrolment", personId, LocalDate.of(today.getYear(), 1, 1))
                .map(r -> Boolean.valueOf(r.raw().get("enrolled")))
                .orElse(null);
    }

    String housingGrade() {
        return housing().map(r -> r.raw().get("grade")).orElse(null);
    }

    boolean renovated() {
        return housing()
                .map(r -> date(r.raw().get("renovated_date")))
                .map(d -> !d.isAfter(today))
                .orElse(false);
    }

    String waterStatus() {
        return latest("drinking_water", null, today.minusMonths(12))
                .map(r -> r.raw().get("status"))
                .orElse(null);
    }

    private Optional<ComparedRecord> housing() {
        return latest("housing_safety", null, LocalDate.MIN);
    }

    private Optional<ComparedRecord> latest(String category, Long personId, LocalDate from) {
        return records.stream()
                .filter(r -> r.record().category().equals(category))
                .filter(r -> personId == null || personId.equals(r.record().personId()))
                .filter(r -> !r.record().recordDate().isBefore(from)
                        && !r.record().recordDate().isAfter(today))
                .findFirst();
    }

    static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
