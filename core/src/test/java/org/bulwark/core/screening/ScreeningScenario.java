package org.bulwark.core.screening;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.HouseholdCategory;

/** Builds tiny registries and department records for rule tests, screened on a fixed as-of date. */
final class ScreeningScenario {

    /** The as-of date of every scenario. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** A province without overrides: the defaults apply (line 8,700). */
    static final String PROVINCE = "11";

    static final String VILLAGE = "522324101209";

    private static RuleSet defaultRules;

    private final RuleSet rules;
    private final HouseholdTable.Builder households = HouseholdTable.builder();
    private final PersonTable.Builder persons = PersonTable.builder();
    private final Map<String, RecordTable.Builder> records = new LinkedHashMap<>();
    private int nextSequence = 1;
    private int householdCount;
    private String province = PROVINCE;
    private LocalDate asOf = AS_OF;
    private ScreeningResult result;

    ScreeningScenario() {
        this(defaultRules());
    }

    ScreeningScenario(RuleSet rules) {
        this.rules = rules;
    }

    /** The default rule file (the copy in the test resources, kept equal to the application's). */
    static synchronized RuleSet defaultRules() {
        if (defaultRules == null) {
            defaultRules = load("/screening/rules.yaml");
        }
        return defaultRules;
    }

    static RuleSet load(String resource) {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(ScreeningScenario.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8)) {
            return RuleSet.load(reader, "rules.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A household with this net income and no previous year's income. */
    int household(HouseholdCategory category, int members, double netIncome) {
        return household(category, members, netIncome, 0);
    }

    int household(HouseholdCategory category, int members, double netIncome, double previousNetIncome) {
        return households.add(1000 + householdCount++, VILLAGE, category, members, netIncome, previousNetIncome);
    }

    /** An ordinary household comfortably above every income threshold. */
    int comfortableHousehold() {
        return household(HouseholdCategory.ORDINARY, 3, 90_000, 90_000);
    }

    /** A member born on {@code birth}. */
    int person(int household, LocalDate birth, boolean ableBodied, boolean mainLabourer) {
        return persons.add(household, idNumber(birth), birth, ableBodied, mainLabourer);
    }

    /** A member that is {@code age} years old on the as-of date, neither able-bodied nor a main labourer. */
    int person(int household, int age) {
        return person(household, AS_OF.minusYears(age), false, false);
    }

    int mainLabourer(int household) {
        return person(household, AS_OF.minusYears(40), true, true);
    }

    /** A valid identity number for someone born on that day, issued in Qinglong County (522324). */
    String idNumber(LocalDate birth) {
        return IdentityNumber.compose("522324", birth, nextSequence++ % 1000, Sex.MALE)
                .value();
    }

    /** The records of a category, every field the rules know declared (so unset fields read as missing). */
    RecordTable.Builder records(String category) {
        return records.computeIfAbsent(category, name -> {
            RecordTable.Builder builder = RecordTable.builder();
            CategorySchema schema = Objects.requireNonNull(rules.category(name), name);
            schema.fields().forEach((field, type) -> builder.declare(field, type.code()));
            return builder;
        });
    }

    HouseholdTable householdTable() {
        return households.build();
    }

    PersonTable personTable() {
        return persons.build();
    }

    Map<String, RecordTable> recordTables() {
        Map<String, RecordTable> tables = new LinkedHashMap<>();
        records.forEach((name, builder) -> tables.put(name, builder.build()));
        return tables;
    }

    /** Screens with the parameters of another province. */
    ScreeningScenario inProvince(String code) {
        this.province = code;
        return this;
    }

    /** Screens as of another date (people's ages stay those of {@link #AS_OF}). */
    ScreeningScenario on(LocalDate date) {
        this.asOf = date;
        return this;
    }

    Parameters parameters() {
        return rules.parameters(province, asOf.getYear());
    }

    ScreeningResult screen() {
        result = new ScreeningEngine(2)
                .screen(rules, parameters(), asOf, householdTable(), personTable(), recordTables());
        return result;
    }

    /** Ids of the rules that hit the household, screening first if needed. */
    List<String> ruleIds(int household) {
        if (result == null) {
            screen();
        }
        return result.hits().stream()
                .filter(hit -> hit.household() == household)
                .map(Hit::ruleId)
                .toList();
    }

    boolean hits(int household, String ruleId) {
        return ruleIds(household).contains(ruleId);
    }

    Hit hit(int household, String ruleId) {
        if (result == null) {
            screen();
        }
        return result.hits().stream()
                .filter(hit -> hit.household() == household && hit.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        ruleId + " did not hit household " + household + "; hits: " + ruleIds(household)));
    }

    List<UnregisteredHit> unregisteredHits() {
        if (result == null) {
            screen();
        }
        return result.unregisteredHits();
    }
}
