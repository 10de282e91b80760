package org.bulwark.spark.screen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Evidence;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.Parameters;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.RecordTable;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningEngine;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import org.bulwark.spark.input.StoredFields;

/**
 * Some whole villages of one province — their households, members, incomes and records — or some unregistered
 * persons' records, turned into the engine's tables exactly as the platform's screening store turns a region
 * (screening.store.StoreInput: persons and records in id order, the latest income year up to the as-of year and the
 * one before it, records dated after the as-of date left out), and screened by core's engine. Every household's
 * features read only its own members and records and its village's records, so screening villages apart gives the
 * hits and evidence one run over the province gives.
 */
public final class ScreeningBatch {

    private final RuleSet rules;
    private final LocalDate asOf;
    private final Map<String, Map<String, String>> fieldsRead;
    private final List<HouseholdRow> households = new ArrayList<>();
    private final List<PersonRow> persons = new ArrayList<>();
    private final List<IncomeRow> incomes = new ArrayList<>();
    private final List<RecordRow> records = new ArrayList<>();

    public ScreeningBatch(RuleSet rules, LocalDate asOf) {
        this.rules = rules;
        this.asOf = asOf;
        this.fieldsRead = rules.fieldsRead();
    }

    public void add(HouseholdRow household) {
        households.add(household);
    }

    public void add(PersonRow person) {
        persons.add(person);
    }

    public void add(IncomeRow income) {
        incomes.add(income);
    }

    /** Adds a record; one of a category the rules do not read, or dated after the as-of date, is left out. */
    public void add(RecordRow record) {
        if (fieldsRead.containsKey(record.category()) && !record.date().isAfter(asOf)) {
            records.add(record);
        }
    }

    public int households() {
        return households.size();
    }

    public int size() {
        return households.size() + persons.size() + incomes.size() + records.size();
    }

    /** Which records a run places: households' and villages', unregistered persons', or all as one run does. */
    private enum Placing {
        HOUSEHOLDS,
        PERSONS,
        ALL
    }

    /** Screens the households with the parameters of their province; unregistered persons are not screened here. */
    public List<HitRow> screenHouseholds(String province) {
        if (households.isEmpty()) {
            return List.of();
        }
        return screen(province, Placing.HOUSEHOLDS);
    }

    /**
     * Screens everything added in one run of core's engine, households and unregistered persons together, as the
     * platform's full run of a province does: the reference the batched Spark job must agree with.
     */
    public List<HitRow> screenAll(String province) {
        return screen(province, Placing.ALL);
    }

    private List<HitRow> screen(String province, Placing placing) {
        households.sort(Comparator.comparingLong(HouseholdRow::id));
        persons.sort(Comparator.comparingLong(PersonRow::id));
        incomes.sort(Comparator.comparingLong(IncomeRow::householdId).thenComparingInt(IncomeRow::year));
        Map<Long, Integer> householdIndex = new HashMap<>();
        for (int h = 0; h < households.size(); h++) {
            householdIndex.put(households.get(h).id(), h);
        }
        Map<Long, Integer> personIndex = new HashMap<>();
        PersonTable personTable = personTable(householdIndex, personIndex);
        HouseholdTable householdTable = householdTable(householdIndex);
        Tables tables = recordTables(householdIndex, personIndex, placing);
        int[] all = new int[households.size()];
        for (int h = 0; h < all.length; h++) {
            all[h] = h;
        }
        ScreeningEngine engine = new ScreeningEngine(1);
        Parameters parameters = rules.parameters(province, asOf.getYear());
        // the subset form screens no unregistered persons: the job gathers their records by identity number apart
        ScreeningResult result = placing == Placing.ALL
                ? engine.screen(rules, parameters, asOf, householdTable, personTable, tables.tables())
                : engine.screen(rules, parameters, asOf, householdTable, personTable, tables.tables(), all);
        List<HitRow> hits = new ArrayList<>(result.hits().size());
        for (Hit hit : result.hits()) {
            hits.add(new HitRow(
                    hit.householdId(),
                    null,
                    households.get(hit.household()).villageCode(),
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction().name(),
                    hit.riskType(),
                    hit.level().name(),
                    hit.deadline(),
                    hit.evidence().parameters(),
                    features(hit.evidence()),
                    recordIds(hit.evidence(), tables.ids())));
        }
        hits.addAll(unregisteredHits(result, tables));
        return hits;
    }

    /** Screens the unregistered persons of the records added (registered ones' are not to be added). */
    public List<HitRow> screenUnregistered(String province) {
        if (records.isEmpty()) {
            return List.of();
        }
        Tables tables = recordTables(Map.of(), Map.of(), Placing.PERSONS);
        ScreeningResult result = new ScreeningEngine(1)
                .screen(
                        rules,
                        rules.parameters(province, asOf.getYear()),
                        asOf,
                        HouseholdTable.builder().build(),
                        PersonTable.empty(),
                        tables.tables());
        return unregisteredHits(result, tables);
    }

    private static List<HitRow> unregisteredHits(ScreeningResult result, Tables tables) {
        List<HitRow> hits = new ArrayList<>(result.unregisteredHits().size());
        for (UnregisteredHit hit : result.unregisteredHits()) {
            hits.add(new HitRow(
                    null,
                    hit.idNumber(),
                    hit.regionCode(),
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction().name(),
                    hit.riskType(),
                    hit.level().name(),
                    hit.deadline(),
                    hit.evidence().parameters(),
                    features(hit.evidence()),
                    recordIds(hit.evidence(), tables.ids())));
        }
        return hits;
    }

    private PersonTable personTable(Map<Long, Integer> householdIndex, Map<Long, Integer> personIndex) {
        PersonTable.Builder table = PersonTable.builder();
        for (PersonRow person : persons) {
            Integer household = householdIndex.get(person.householdId());
            if (household == null) {
                continue; // a member of a household outside the batch: the platform's region leaves it out too
            }
            LabourCapacity capacity =
                    person.labourCapacity() == null ? null : LabourCapacity.valueOf(person.labourCapacity());
            // the store gives the engine no members' identity numbers; neither does this
            personIndex.put(person.id(), table.addMember(household, null, person.birthDate(), capacity, asOf));
        }
        return table.build();
    }

    private HouseholdTable householdTable(Map<Long, Integer> householdIndex) {
        int[] members = new int[households.size()];
        for (PersonRow person : persons) {
            Integer household = householdIndex.get(person.householdId());
            if (household != null) {
                members[household]++;
            }
        }
        double[] net = new double[households.size()];
        double[] previous = new double[households.size()];
        for (IncomeRow income : incomes) {
            Integer household = householdIndex.get(income.householdId());
            if (household != null && income.year() <= asOf.getYear()) {
                previous[household] = net[household];
                net[household] = income.netIncome();
            }
        }
        HouseholdTable.Builder table = HouseholdTable.builder();
        for (int h = 0; h < households.size(); h++) {
            HouseholdRow household = households.get(h);
            table.add(
                    household.id(),
                    household.villageCode(),
                    HouseholdCategory.valueOf(household.category()),
                    members[h],
                    net[h],
                    previous[h]);
        }
        return table.build();
    }

    /** Each category's table, and the record id behind each of its rows. */
    private record Tables(Map<String, RecordTable> tables, Map<String, long[]> ids) {}

    /**
     * The records in id order, placed as the store places them: by household (and member), else — no household —
     * an identity number makes it an unregistered person's, else a village code a village's.
     */
    private Tables recordTables(Map<Long, Integer> householdIndex, Map<Long, Integer> personIndex, Placing placing) {
        records.sort(Comparator.comparingLong(RecordRow::id));
        Map<String, RecordTable.Builder> builders = new TreeMap<>();
        Map<String, List<Long>> ids = new HashMap<>();
        fieldsRead.forEach((category, fields) -> {
            RecordTable.Builder builder = RecordTable.builder();
            fields.forEach(builder::declare);
            builders.put(category, builder);
            ids.put(category, new ArrayList<>());
        });
        for (RecordRow record : records) {
            RecordTable.Builder builder = builders.get(record.category());
            if (!place(record, builder, householdIndex, personIndex, placing)) {
                continue;
            }
            ids.get(record.category()).add(record.id());
            fieldsRead.get(record.category()).forEach((field, type) -> {
                switch (type) {
                    case "number" -> builder.number(field, StoredFields.number(record.fields(), field));
                    case "text" -> builder.text(field, StoredFields.text(record.fields(), field));
                    default -> builder.flag(field, StoredFields.flag(record.fields(), field, asOf));
                }
            });
        }
        Map<String, RecordTable> tables = new LinkedHashMap<>();
        Map<String, long[]> idColumns = new HashMap<>();
        builders.forEach((category, builder) -> {
            tables.put(category, builder.build());
            idColumns.put(
                    category,
                    ids.get(category).stream().mapToLong(Long::longValue).toArray());
        });
        return new Tables(tables, idColumns);
    }

    /** Starts the record's row in {@code builder}, or returns false when the run does not see it. */
    private static boolean place(
            RecordRow record,
            RecordTable.Builder builder,
            Map<Long, Integer> householdIndex,
            Map<Long, Integer> personIndex,
            Placing placing) {
        if (record.householdId() != null) {
            Integer household = householdIndex.get(record.householdId());
            if (placing == Placing.PERSONS || household == null) {
                return false;
            }
            Integer person = record.personId() == null ? null : personIndex.get(record.personId());
            builder.add(household, person == null ? -1 : person, record.date());
            if (record.personId() == null && record.idNumber() != null) {
                builder.idNumber(record.idNumber());
            }
            return true;
        }
        if (record.idNumber() != null) {
            if (placing == Placing.HOUSEHOLDS) {
                return false;
            }
            builder.addUnregistered(record.idNumber(), record.date());
            return true;
        }
        if (record.villageCode() != null && placing != Placing.PERSONS) {
            builder.addForVillage(record.villageCode(), record.date());
            return true;
        }
        return false;
    }

    private static Map<String, String> features(Evidence evidence) {
        Map<String, String> features = new LinkedHashMap<>();
        evidence.features().forEach((name, value) -> features.put(name, String.valueOf(value)));
        return features;
    }

    private static Map<String, long[]> recordIds(Evidence evidence, Map<String, long[]> ids) {
        Map<String, long[]> records = new LinkedHashMap<>();
        for (Map.Entry<String, ContributingRecords> entry : evidence.records().entrySet()) {
            long[] categoryIds = ids.get(entry.getValue().category());
            int[] rows = entry.getValue().records();
            long[] recordIds = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                recordIds[i] = categoryIds[rows[i]];
            }
            records.put(entry.getKey(), recordIds);
        }
        return records;
    }
}
