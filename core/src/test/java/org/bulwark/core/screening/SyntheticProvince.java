package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * Random households, persons and department records for every category of a rule set, reproducible from a seed.
 * Values are drawn around the default thresholds so that every rule hits somewhere, and records arrive in random
 * household order, as real batches do. A few percent of records belong to unregistered persons (by identity
 * number), a few to nobody, and some drinking-water records to whole villages.
 */
final class SyntheticProvince {

    /** Households per village, as in Qinglong County (about 300). */
    private static final int VILLAGE_SIZE = 300;

    private static final Map<String, List<String>> TEXTS = Map.ofEntries(
            Map.entry("kind", List.of("inpatient", "outpatient", "special", "commercial", "self_built", "crop")),
            Map.entry(
                    "status",
                    List.of("enrolled", "dropped_out", "employed", "unemployed", "safe", "interrupted", "unsafe")),
            Map.entry("grade", List.of("A", "B", "C", "D")),
            Map.entry("vehicle_type", List.of("car", "truck", "farm_vehicle", "work_vehicle", "motorcycle")),
            Map.entry("entity_type", List.of("individual_business", "company")),
            Map.entry("disaster_type", List.of("flood", "drought", "geological")));

    private static final Map<String, Double> NUMBER_SCALE = Map.ofEntries(
            Map.entry("out_of_pocket", 9_000.0),
            Map.entry("in_scope_out_of_pocket", 6_000.0),
            Map.entry("grade", 4.0),
            Map.entry("non_compulsory_cost", 14_000.0),
            Map.entry("amount", 40_000.0),
            Map.entry("days_interrupted", 25.0),
            Map.entry("loss_amount", 9_000.0),
            Map.entry("value", 140_000.0),
            Map.entry("registered_capital", 700_000.0),
            Map.entry("overdue_days", 120.0));

    final HouseholdTable households;
    final PersonTable persons;
    final Map<String, RecordTable> records;
    final List<String> unregisteredIdNumbers;

    private SyntheticProvince(
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            List<String> unregisteredIdNumbers) {
        this.households = households;
        this.persons = persons;
        this.records = records;
        this.unregisteredIdNumbers = unregisteredIdNumbers;
    }

    /**
     * @param householdCount households to generate, with 1–6 persons each (about 3.4 on average)
     * @param recordCount    records over all categories of the rule set
     */
    static SyntheticProvince generate(long seed, int householdCount, int recordCount, LocalDate asOf, RuleSet rules) {
        Random random = new Random(seed);
        String[] villages = new String[Math.max(2, householdCount / VILLAGE_SIZE)];
        for (int i = 0; i < villages.length; i++) {
            villages[i] = String.format("52%04d%03d%03d", i / 1000, 100 + i / 100 % 10, 200 + i % 100);
        }
        HouseholdTable.Builder householdRows = HouseholdTable.builder();
        PersonTable.Builder personRows = PersonTable.builder();
        int[] firstPerson = new int[householdCount + 1];
        for (int h = 0; h < householdCount; h++) {
            firstPerson[h] =
                    addHousehold(random, h, villages[random.nextInt(villages.length)], householdRows, personRows, asOf);
        }
        PersonTable persons = personRows.build();
        firstPerson[householdCount] = persons.size();
        String[] unregistered = new String[Math.max(1, householdCount / 40)];
        for (int i = 0; i < unregistered.length; i++) {
            unregistered[i] = IdentityNumber.compose(
                            "522324", asOf.minusDays(1_000 + random.nextInt(30_000)), random.nextInt(1000), Sex.FEMALE)
                    .value();
        }
        Map<String, RecordTable> records = new LinkedHashMap<>();
        List<String> categories = rules.categoryNames();
        for (String category : categories) {
            records.put(
                    category,
                    records(
                            random,
                            rules.category(category),
                            recordCount / categories.size(),
                            householdCount,
                            firstPerson,
                            unregistered,
                            villages,
                            asOf));
        }
        return new SyntheticProvince(householdRows.build(), persons, records, List.of(unregistered));
    }

    private static int addHousehold(
            Random random,
            int h,
            String village,
            HouseholdTable.Builder households,
            PersonTable.Builder persons,
            LocalDate asOf) {
        int draw = random.nextInt(100);
        HouseholdCategory category = draw < 15
                ? HouseholdCategory.FORMERLY_POOR
                : draw < 20 ? HouseholdCategory.MONITORED : HouseholdCategory.ORDINARY;
        int members = 1 + random.nextInt(6);
        double income = Math.round(members * (4_000 + random.nextDouble() * 30_000));
        double previous = random.nextInt(10) == 0 ? 0 : Math.round(income * (0.6 + random.nextDouble() * 1.4));
        households.add(100_000L + h, village, category, members, income, previous);
        int first = -1;
        for (int m = 0; m < members; m++) {
            LocalDate birth = asOf.minusDays(random.nextInt(90 * 366));
            int age = CalendarDistance.wholeYears((int) birth.toEpochDay(), (int) asOf.toEpochDay());
            boolean able = age >= 16 && age <= 64 && random.nextInt(10) < 8;
            int person = persons.add(h, null, birth, able, able && random.nextBoolean());
            first = first < 0 ? person : first;
        }
        return first;
    }

    private static RecordTable records(
            Random random,
            CategorySchema schema,
            int count,
            int householdCount,
            int[] firstPerson,
            String[] unregistered,
            String[] villages,
            LocalDate asOf) {
        RecordTable.Builder builder = RecordTable.builder();
        schema.fields().forEach((field, type) -> builder.declare(field, type.code()));
        for (int r = 0; r < count; r++) {
            LocalDate date = date(random, schema, asOf);
            int draw = random.nextInt(100);
            if (draw < 3 && schema.key() == CategoryKey.PERSON) {
                builder.addUnregistered(unregistered[random.nextInt(unregistered.length)], date);
            } else if (draw < 4) {
                builder.add(-1, -1, date);
            } else if (draw < 5 && schema.key() == CategoryKey.VILLAGE) {
                builder.addForVillage(villages[random.nextInt(villages.length)], date);
            } else {
                int household = random.nextInt(householdCount);
                int members = firstPerson[household + 1] - firstPerson[household];
                int person = schema.key() == CategoryKey.PERSON && random.nextInt(20) > 0
                        ? firstPerson[household] + random.nextInt(members)
                        : -1;
                builder.add(household, person, date);
            }
            fill(random, schema, builder);
        }
        return builder.build();
    }

    private static LocalDate date(Random random, CategorySchema schema, LocalDate asOf) {
        return switch (schema.dateField()) {
            case "year" -> LocalDate.of(asOf.getYear() - random.nextInt(2), 1, 1);
            case "school_year" -> LocalDate.of(asOf.getYear() - 1 - random.nextInt(2), 9, 1);
            default -> asOf.minusDays(random.nextInt(900) - 5);
        };
    }

    private static void fill(Random random, CategorySchema schema, RecordTable.Builder builder) {
        schema.fields().forEach((field, type) -> {
            switch (type) {
                case NUMBER -> {
                    double scale = NUMBER_SCALE.getOrDefault(field, 1_000.0);
                    double value = random.nextDouble() * scale;
                    builder.number(field, field.equals("grade") ? Math.ceil(value) : Math.round(value * 100) / 100.0);
                }
                case TEXT -> {
                    List<String> values = TEXTS.get(field);
                    builder.text(
                            field,
                            values == null ? "x" + random.nextInt(5) : values.get(random.nextInt(values.size())));
                }
                case FLAG -> builder.flag(field, random.nextInt(4) > 0);
            }
        });
    }
}
