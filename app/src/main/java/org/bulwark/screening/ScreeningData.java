package org.bulwark.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.DateFlag;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.RecordTable;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.screening.store.ScreeningStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads what the engine screens from the database into its column tables: the households of a region (or some of
 * them), their members and incomes, and the department records the rules read — of registered households and of
 * unregistered residents of the region.
 */
@Component
class ScreeningData {

    /** The engine's input, with the record ids behind each record index for evidence. */
    record Input(
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            Map<String, long[]> recordIds,
            int recordCount) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final DepartmentRecordFeed feed;

    ScreeningData(JdbcClient jdbc, ObjectMapper json, DepartmentRecordFeed feed) {
        this.jdbc = jdbc;
        this.json = json;
        this.feed = feed;
    }

    /**
     * Loads the region's households (all of them, or only {@code householdIds} when given) and the records the rules
     * read; unregistered persons' records are loaded for a full run, or only those of {@code idNumbers}.
     */
    Input load(RuleSet rules, String regionPrefix, LocalDate asOf, List<Long> householdIds, List<String> idNumbers) {
        Registry registry = registry(regionPrefix, asOf, householdIds);
        return records(rules, regionPrefix, asOf, householdIds, idNumbers, registry);
    }

    /** The households and members a run reads, with the index of each household and person by database id. */
    private record Registry(
            HouseholdTable households,
            PersonTable persons,
            Map<Long, Integer> householdIndex,
            Map<Long, Integer> personIndex,
            Set<String> villages) {}

    /**
     * The households of the region among {@code householdIds} and their members, for a run that reads its records
     * elsewhere (the screening store held in memory, while its registry is behind the database).
     */
    ScreeningStore.SubsetRegistry subsetRegistry(String regionPrefix, LocalDate asOf, List<Long> householdIds) {
        Registry registry = registry(regionPrefix, asOf, householdIds);
        long[] personIds = new long[registry.persons().size()];
        registry.personIndex().forEach((id, index) -> personIds[index] = id);
        return new ScreeningStore.SubsetRegistry(registry.households(), registry.persons(), personIds);
    }

    private Registry registry(String regionPrefix, LocalDate asOf, List<Long> householdIds) {
        String scope = regionPrefix + "%";
        HouseholdTable.Builder households = HouseholdTable.builder();
        Map<Long, Integer> householdIndex = new HashMap<>();
        Set<String> subsetVillages = new HashSet<>();
        readHouseholds(scope, asOf, householdIds, households, householdIndex, subsetVillages);
        PersonTable.Builder persons = PersonTable.builder();
        Map<Long, Integer> personIndex = new HashMap<>();
        readPersons(scope, asOf, householdIds, householdIndex, persons, personIndex);
        return new Registry(households.build(), persons.build(), householdIndex, personIndex, subsetVillages);
    }

    /**
     * The region's households (or those of the subset in it) ascending by id, with their members counted and their
     * last two net incomes up to the as-of year.
     */
    private void readHouseholds(
            String scope,
            LocalDate asOf,
            List<Long> householdIds,
            HouseholdTable.Builder households,
            Map<Long, Integer> householdIndex,
            Set<String> villages) {
        boolean subset = householdIds != null;
        // a subset is joined through unnest (index lookups); "or :all" in one statement would make PostgreSQL scan
        String householdScope = subset
                ? "join unnest(cast(:ids as bigint[])) as s(id) on h.id = s.id where h.village_code like :scope"
                : "where h.village_code like :scope";
        jdbc.sql("""
                select h.id, h.village_code, h.category,
                       (select count(*) from registry_person p where p.household_id = h.id) as members,
                       (select net_income from income_net_income i where i.household_id = h.id and i.year <= :year
                        order by i.year desc limit 1) as net,
                       (select net_income from income_net_income i where i.household_id = h.id and i.year <= :year
                        order by i.year desc offset 1 limit 1) as net_previous
                from registry_household h
                """ + householdScope + " order by h.id")
                .param("year", asOf.getYear())
                .param("scope", scope)
                .param("ids", subset ? householdIds.toArray(Long[]::new) : new Long[0])
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    villages.add(rs.getString("village_code"));
                    householdIndex.put(
                            id,
                            households.add(
                                    id,
                                    rs.getString("village_code"),
                                    HouseholdCategory.valueOf(rs.getString("category")),
                                    rs.getInt("members"),
                                    rs.getDouble("net"),
                                    rs.getDouble("net_previous")));
                    return null;
                })
                .list();
    }

    /** The members of those households, ascending by id. */
    private void readPersons(
            String scope,
            LocalDate asOf,
            List<Long> householdIds,
            Map<Long, Integer> householdIndex,
            PersonTable.Builder persons,
            Map<Long, Integer> personIndex) {
        boolean subset = householdIds != null;
        jdbc.sql("select p.id, p.household_id, p.id_number, p.birth_date, p.labour_capacity "
                        + "from registry_person p join registry_household h on h.id = p.household_id "
                        + (subset ? "join unnest(cast(:ids as bigint[])) as s(id) on p.household_id = s.id " : "")
                        + "where h.village_code like :scope order by p.id")
                .param("scope", scope)
                .param("ids", subset ? householdIds.toArray(Long[]::new) : new Long[0])
                .query((rs, n) -> {
                    Integer household = householdIndex.get(rs.getLong("household_id"));
                    String capacity = rs.getString("labour_capacity");
                    personIndex.put(
                            rs.getLong("id"),
                            persons.addMember(
                                    household,
                                    rs.getString("id_number"),
                                    rs.getObject("birth_date", LocalDate.class),
                                    capacity == null
                                            ? LabourCapacity.NOT_WORKING_AGE
                                            : LabourCapacity.valueOf(capacity),
                                    asOf));
                    return null;
                })
                .list();
    }

    private Input records(
            RuleSet rules,
            String regionPrefix,
            LocalDate asOf,
            List<Long> householdIds,
            List<String> idNumbers,
            Registry registry) {
        // only what the rules' features read: a category only declared (pension records, for one) is not loaded
        RecordTables tables = new RecordTables(rules.fieldsRead(), registry, asOf);
        // the exchange reads its records; a subset also gets the village-wide records of the subset's villages (their
        // region is their village)
        feed.forScreening(
                new DepartmentRecordFeed.ScreeningSelection(
                        tables.fieldsByCategory.keySet(),
                        asOf,
                        regionPrefix,
                        householdIds,
                        idNumbers,
                        householdIds != null ? registry.villages() : Set.of()),
                tables::add);
        return tables.input();
    }

    /** The engine's record tables being filled, one per category the rules read, with the record ids behind them. */
    private final class RecordTables {
        private final Map<String, Map<String, String>> fieldsByCategory;
        private final Registry registry;
        private final LocalDate asOf;
        private final Map<String, RecordTable.Builder> tables = new TreeMap<>();
        private final Map<String, List<Long>> ids = new HashMap<>();

        RecordTables(Map<String, Map<String, String>> fieldsByCategory, Registry registry, LocalDate asOf) {
            this.fieldsByCategory = fieldsByCategory;
            this.registry = registry;
            this.asOf = asOf;
            for (String category : fieldsByCategory.keySet()) {
                RecordTable.Builder table = RecordTable.builder();
                fieldsByCategory.get(category).forEach(table::declare);
                tables.put(category, table);
                ids.put(category, new ArrayList<>());
            }
        }

        /**
         * Adds a record: of a household the run reads (with its member, if read), of an unregistered resident or of a
         * whole village; a record of a household outside the run, or naming none of these, is left out.
         */
        void add(DepartmentRecordFeed.ScreeningRecord r) {
            RecordTable.Builder table = tables.get(r.category());
            LocalDate date = r.recordDate();
            if (r.householdId() != null) {
                Integer household = registry.householdIndex().get(r.householdId());
                if (household == null) {
                    return;
                }
                Integer person =
                        r.personId() == null ? null : registry.personIndex().get(r.personId());
                table.add(household, person == null ? -1 : person, date);
            } else if (r.idNumber() != null) {
                table.addUnregistered(r.idNumber(), date);
            } else if (r.villageCode() != null) {
                table.addForVillage(r.villageCode(), date);
            } else {
                return;
            }
            if (r.idNumber() != null) {
                table.idNumber(r.idNumber());
            }
            fill(table, fieldsByCategory.get(r.category()), json.readTree(r.fields()), asOf);
            ids.get(r.category()).add(r.id());
        }

        Input input() {
            Map<String, RecordTable> records = new HashMap<>();
            Map<String, long[]> recordIds = new HashMap<>();
            int[] count = {0};
            tables.forEach((category, table) -> {
                records.put(category, table.build());
                recordIds.put(
                        category,
                        ids.get(category).stream().mapToLong(Long::longValue).toArray());
                count[0] += ids.get(category).size();
            });
            return new Input(registry.households(), registry.persons(), records, recordIds, count[0]);
        }
    }

    private static void fill(RecordTable.Builder table, Map<String, String> fields, JsonNode values, LocalDate asOf) {
        fields.forEach((field, type) -> {
            JsonNode value = values.get(field);
            if ((value == null || value.isNull()) && "flag".equals(type)) {
                // a flag the catalogue keeps as a date (see DateFlag)
                List<String> present = new ArrayList<>();
                values.propertyNames().forEach(present::add);
                DateFlag.sourceField(field, present)
                        .map(values::get)
                        .filter(date -> !date.isNull() && !date.asString().isBlank())
                        .ifPresent(date -> table.flag(field, DateFlag.holds(LocalDate.parse(date.asString()), asOf)));
                return;
            }
            if (value == null || value.isNull()) {
                return;
            }
            switch (type) {
                case "number" -> table.number(field, value.isNumber() ? value.asDouble() : parse(value.asString()));
                case "flag" -> table.flag(field, value.asBoolean());
                default -> table.text(field, value.asString());
            }
        });
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
