package org.bulwark.safetynet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.safetynet.GuaranteeFacts;

/**
 * Reads the department records behind the three guarantees: the latest school status of this school year, the
 * enrolment of this year, the latest housing appraisal, and the latest water check of the last twelve months (the same
 * windows the screening rules use).
 */
final class GuaranteeFactsReader {

    private final List<FactRecord> records;
    private final LocalDate today;
    private final LocalDate schoolYearStart;

    GuaranteeFactsReader(List<FactRecord> records, LocalDate today) {
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

    private Optional<FactRecord> housing() {
        return latest("housing_safety", null, LocalDate.MIN);
    }

    private Optional<FactRecord> latest(String category, Long personId, LocalDate from) {
        return records.stream()
                .filter(r -> r.category().equals(category))
                .filter(r -> personId == null || personId.equals(r.personId()))
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(today))
                .max(Comparator.comparing(FactRecord::date));
    }

    /** The facts of a household: its members (age on {@code today}) with their records, its house and water. */
    GuaranteeFacts facts(List<MemberFields> members) {
        List<GuaranteeFacts.Member> facts = new ArrayList<>();
        for (MemberFields m : members) {
            facts.add(new GuaranteeFacts.Member(
                    m.age(today), m.schooling(), schoolStatus(m.personId()), m.insured(), enrolled(m.personId())));
        }
        return new GuaranteeFacts(facts, housingGrade(), renovated(), waterStatus());
    }

    static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
