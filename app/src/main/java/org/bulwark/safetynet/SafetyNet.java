package org.bulwark.safetynet;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.safetynet.GuaranteeFacts;
import org.bulwark.core.safetynet.ThreeGuarantees;
import org.bulwark.exchange.ComparedRecord;
import org.bulwark.exchange.DepartmentRecords;
import org.bulwark.income.IncomeRecord;
import org.bulwark.income.Incomes;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household's safety net: its standard, what it receives and its three guarantees and drinking water. Reads go
 * through {@link Registry#file} and the exchange's {@link DepartmentRecords}, so the user's region scope and the
 * withholding of sensitive categories apply as on the rest of the file.
 */
@Service
@Transactional(readOnly = true)
public class SafetyNet {

    /** Compulsory-school age, as EDU-01's default parameters (rules.yaml). */
    static final int SCHOOL_AGE_MIN = 6;

    static final int SCHOOL_AGE_MAX = 15;
    private static final int RECORDS = 200;
    private static final List<String> CATEGORIES = List.of(
            RecipientKind.ALLOWANCE.category(),
            RecipientKind.SUPPORT.category(),
            "school_status",
            "medical_enrolment",
            "housing_safety",
            "drinking_water");

    private final Registry registry;
    private final Incomes incomes;
    private final DepartmentRecords records;
    private final Standards standards;
    private final Clock clock;
    private final ThreeGuarantees guarantees = new ThreeGuarantees(SCHOOL_AGE_MIN, SCHOOL_AGE_MAX);

    SafetyNet(Registry registry, Incomes incomes, DepartmentRecords records, Standards standards, Clock clock) {
        this.registry = registry;
        this.incomes = incomes;
        this.records = records;
        this.standards = standards;
        this.clock = clock;
    }

    /** The household's safety net; "not found" outside the user's region. */
    public SafetyNetSection of(long householdId) {
        HouseholdFile file = registry.file(householdId);
        LocalDate today = LocalDate.now(clock);
        String village = file.household().villageCode();
        List<ComparedRecord> found = records.forComparison(householdId, village, CATEGORIES, RECORDS);
        Optional<IncomeRecord> income = incomes.of(householdId).stream().findFirst();
        return new SafetyNetSection(
                today.getYear(),
                standards.find(village, today.getYear()).orElse(null),
                income.map(IncomeRecord::perCapita).orElse(null),
                income.map(IncomeRecord::year).orElse(null),
                spells(file, found, today),
                guarantees.status(facts(file, found, today)));
    }

    private static List<SafetyNetSection.ShownSpell> spells(
            HouseholdFile file, List<ComparedRecord> found, LocalDate today) {
        Map<Long, String> names = new HashMap<>();
        file.members().forEach(p -> names.put(p.id(), p.name()));
        List<SafetyNetSection.ShownSpell> spells = new ArrayList<>();
        for (ComparedRecord r : found) {
            String category = r.record().category();
            if (!category.equals(RecipientKind.ALLOWANCE.category())
                    && !category.equals(RecipientKind.SUPPORT.category())) {
                continue;
            }
            Spell spell = new Spell(
                    RecipientKind.ofCategory(category),
                    null,
                    r.record().recordDate(),
                    GuaranteeFactsReader.date(r.raw().get("end_date")),
                    r.number("monthly_amount"));
            Long person = r.record().personId();
            spells.add(new SafetyNetSection.ShownSpell(
                    spell.kind(),
                    person == null ? null : names.get(person),
                    spell.start(),
                    spell.end(),
                    spell.monthlyAmount(),
                    spell.runsOn(today)));
        }
        spells.sort(Comparator.comparing(SafetyNetSection.ShownSpell::start).reversed());
        return spells;
    }

    private static GuaranteeFacts facts(HouseholdFile file, List<ComparedRecord> found, LocalDate today) {
        List<FactRecord> facts = found.stream()
                .map(r -> new FactRecord(
                        r.record().category(), r.record().personId(), r.record().recordDate(), r.raw()))
                .toList();
        List<MemberFields> members = file.members().stream()
                .map(p -> new MemberFields(p.id(), p.birthDate(), p.schooling(), p.medicalInsured()))
                .toList();
        return new GuaranteeFactsReader(facts, today).facts(members);
    }
}
