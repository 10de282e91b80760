package org.bulwark.spark.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.generate.GeneratorSettings;
import org.bulwark.core.generate.HouseholdGenerator;
import org.bulwark.core.generate.feeds.DepartmentFeedGenerator;
import org.bulwark.core.generate.feeds.FeedSettings;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import org.bulwark.layout.RegionSink;

/**
 * Generates one county with core's generators — households, members and incomes, then the department feeds about
 * them — and hands over the rows the platform would hold after its officers uploaded the feeds: each feed row is
 * validated by the catalogue, stored once per content (the import's content hash), and matched by identity number
 * with the name agreeing, else by household number, else kept with the village it names or as an unregistered
 * person's (bench's CountyRows does the same for the database).
 */
public final class CountyGenerator {

    /** The generator's share of households with a risk event, of contradicting ones and of unregistered residents. */
    private static final double RISK_SHARE = 0.08;

    private static final double CONTRADICTION_SHARE = 0.02;
    private static final double UNREGISTERED_SHARE = 0.01;
    private static final BigDecimal MONITORING_LINE = new BigDecimal("8700");

    private final DataCatalogue catalogue = DataCatalogue.defaults();
    private final LocalDate asOf;
    private final double recordsPerPerson;

    public CountyGenerator(LocalDate asOf, double recordsPerPerson) {
        this.asOf = asOf;
        this.recordsPerPerson = recordsPerPerson;
    }

    /** Next ids of households, persons and records, advanced as they are given. */
    public static final class Ids {
        long household;
        long person;
        long record;

        public Ids(long first) {
            household = first;
            person = first;
            record = first;
        }
    }

    /** What the county brought. */
    public record Counts(long households, long persons, long records) {}

    private record Registered(long personId, long householdId, String village, String name) {}

    private record RegisteredHousehold(long householdId, String village) {}

    /** Generates the county into the sink. */
    public Counts generate(String county, List<String> villages, int households, long seed, Ids ids, RegionSink sink) {
        Map<String, Registered> persons = new HashMap<>();
        Map<String, RegisteredHousehold> byNumber = new HashMap<>();
        List<GeneratedHousehold> generated = new ArrayList<>(households);
        GeneratorSettings settings = new GeneratorSettings(county, villages, households, seed, asOf, MONITORING_LINE);
        long personCount = 0;
        for (GeneratedHousehold h :
                (Iterable<GeneratedHousehold>) new HouseholdGenerator(settings).households()::iterator) {
            generated.add(h);
            long householdId = ids.household++;
            byNumber.put(h.householdNumber(), new RegisteredHousehold(householdId, h.villageCode()));
            sink.household(
                    new HouseholdRow(householdId, h.villageCode(), h.category().name()));
            for (GeneratedPerson p : h.members()) {
                long personId = ids.person++;
                persons.put(p.idNumber(), new Registered(personId, householdId, h.villageCode(), p.name()));
                sink.person(new PersonRow(
                        personId,
                        householdId,
                        h.villageCode(),
                        p.idNumber(),
                        p.birthDate(),
                        p.labourCapacity() == null ? null : p.labourCapacity().name()));
                personCount++;
            }
            for (GeneratedIncome i : h.incomes()) {
                sink.income(new IncomeRow(
                        householdId,
                        h.villageCode(),
                        i.year(),
                        i.account().netIncome().doubleValue()));
            }
        }
        Feeds feeds = new Feeds(county, persons, byNumber, ids, sink);
        FeedSettings settingsOfFeeds = new FeedSettings(seed, asOf, RISK_SHARE, CONTRADICTION_SHARE, UNREGISTERED_SHARE)
                .withRecordsPerPerson(recordsPerPerson);
        new DepartmentFeedGenerator(settingsOfFeeds).generate(generated.iterator(), feeds::row);
        return new Counts(generated.size(), personCount, feeds.stored);
    }

    /** The import's handling of the county's feed rows. */
    private final class Feeds {
        private final String county;
        private final Map<String, Registered> persons;
        private final Map<String, RegisteredHousehold> byNumber;
        private final Ids ids;
        private final RegionSink sink;
        private final Map<String, RowValidator> validators = new HashMap<>();
        private final Map<String, long[]> rowNumbers = new HashMap<>();
        private final Set<String> hashes = new HashSet<>();
        long stored;

        Feeds(
                String county,
                Map<String, Registered> persons,
                Map<String, RegisteredHousehold> byNumber,
                Ids ids,
                RegionSink sink) {
            this.county = county;
            this.persons = persons;
            this.byNumber = byNumber;
            this.ids = ids;
            this.sink = sink;
        }

        void row(String category, Map<String, String> row) {
            RowValidator validator = validators.computeIfAbsent(category, c -> new RowValidator(schema(c), asOf));
            long[] rowNumber = rowNumbers.computeIfAbsent(category, c -> new long[] {RowValidator.HEADER_ROW});
            ValidatedRow validated = validator.validate(++rowNumber[0], row);
            if (!validated.valid() || !hashes.add(category + ":" + rowHash(validator.schema(), validated.values()))) {
                return;
            }
            store(category, validator.schema(), validated.values());
        }

        /** Matches a valid row as the import does; a row the import would turn down is dropped. */
        private void store(String category, CategorySchema schema, Map<String, Object> values) {
            String idNumber = (String) values.get("id_number");
            String householdNumber = (String) values.get("household_number");
            String stagedVillage = (String) values.get("village_code");
            Registered person = idNumber == null ? null : persons.get(idNumber);
            RegisteredHousehold household =
                    idNumber == null && householdNumber != null ? byNumber.get(householdNumber) : null;
            Object name = schema.nameField() == null ? null : values.get(schema.nameField());
            if ((person != null && name != null && !name.equals(person.name()))
                    || (idNumber == null && householdNumber != null && household == null)
                    || (idNumber == null
                            && householdNumber == null
                            && (stagedVillage == null || !stagedVillage.startsWith(county)))) {
                return;
            }
            Long personId = person == null ? null : person.personId();
            Long householdId = person != null
                    ? Long.valueOf(person.householdId())
                    : household != null ? Long.valueOf(household.householdId()) : null;
            String registeredVillage =
                    person != null ? person.village() : household != null ? household.village() : null;
            String village = registeredVillage != null ? registeredVillage : stagedVillage;
            String region = village != null ? village : idNumber.substring(0, 6) + "000000";
            Map<String, String> fields = new LinkedHashMap<>();
            values.forEach((field, value) ->
                    fields.put(field, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)));
            sink.record(new RecordRow(
                    ids.record++,
                    category,
                    householdId,
                    personId,
                    idNumber,
                    village,
                    region,
                    (LocalDate) values.get(schema.dateField()),
                    fields));
            stored++;
        }
    }

    private CategorySchema schema(String category) {
        return catalogue
                .category(category)
                .orElseThrow(() -> new IllegalStateException(
                        "the generator wrote category " + category + ", which the catalogue does not have"));
    }

    /** The import's content hash of a record: the same record sent twice is stored once. */
    static String rowHash(CategorySchema schema, Map<String, Object> values) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(schema.code().getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(values).forEach((k, v) -> {
            digest.update((byte) 0);
            digest.update(k.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '=');
            String text = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        });
        return java.util.HexFormat.of().formatHex(digest.digest(), 0, 16);
    }
}
