package org.bulwark.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
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
import org.bulwark.core.income.IncomeAccount;
import tools.jackson.databind.ObjectMapper;

/**
 * Generates one county — its households, persons and incomes, then the department feeds about them — as COPY text
 * rows for the registry tables and {@code department_record}. Each feed row goes through what the exchange import
 * does to a row of an uploaded file (validation by the catalogue, the content hash, the once-per-file check, matching
 * by identity number with the name agreeing or by household number, the region decision), so the stored records are
 * the ones an officer of the county uploading these feeds would have stored. Pure Java; the loader does the COPY.
 */
final class CountyRows {

    /** Rows ready to COPY, in foreign-key order. */
    record Chunk(byte[] households, byte[] persons, byte[] incomes, byte[] records) {}

    /** What the county's feeds brought, per category. */
    record Counts(Map<String, int[]> byCategory, int households, int persons, int incomes) {
        static final int TOTAL = 0;
        static final int ACCEPTED = 1;
        static final int REJECTED = 2;
        static final int UNMATCHED = 3;
    }

    private static final int FLUSH_CHARS = 8 << 20;

    private final DataCatalogue catalogue;
    private final ObjectMapper json;
    private final LocalDate asOf;
    private final BigDecimal monitoringLine;
    private final double recordsPerPerson;

    CountyRows(
            DataCatalogue catalogue,
            ObjectMapper json,
            LocalDate asOf,
            BigDecimal monitoringLine,
            double recordsPerPerson) {
        this.catalogue = catalogue;
        this.json = json;
        this.asOf = asOf;
        this.monitoringLine = monitoringLine;
        this.recordsPerPerson = recordsPerPerson;
    }

    /** A registered person as the import's match sees it. */
    private record Registered(long personId, long householdId, String village, String name) {}

    /** A registered household by number. */
    private record RegisteredHousehold(long householdId, String village) {}

    /**
     * Generates the county and hands its rows to {@code sink} in chunks.
     *
     * @param ids      next household and person ids, advanced as they are used
     * @param batchIds the exchange batch of each category for this county
     */
    Counts generate(
            String county,
            List<String> villages,
            int households,
            long seed,
            long[] ids,
            Map<String, Long> batchIds,
            Consumer<Chunk> sink) {
        County rows = new County(county, ids, batchIds, sink);
        List<GeneratedHousehold> generated = rows.registry(
                new GeneratorSettings(county, villages, households, seed, asOf, monitoringLine), households);
        rows.feeds(generated, seed);
        return new Counts(rows.counts, generated.size(), rows.personCount, rows.incomeCount);
    }

    /**
     * One county being generated: its COPY buffers, flushed to the sink as they fill, and the registry as the
     * import's match sees it, kept for the feeds that follow.
     */
    private final class County {
        private final String county;
        private final long[] ids;
        private final Map<String, Long> batchIds;
        private final Consumer<Chunk> sink;
        private final CopyText hh = new CopyText(FLUSH_CHARS);
        private final CopyText pp = new CopyText(FLUSH_CHARS);
        private final CopyText ii = new CopyText(FLUSH_CHARS);
        private final CopyText rr = new CopyText(FLUSH_CHARS * 2);
        private final Map<String, Registered> persons = new HashMap<>();
        private final Map<String, RegisteredHousehold> byNumber = new HashMap<>();
        private final Map<String, FeedState> states = new HashMap<>();
        final Map<String, int[]> counts = new TreeMap<>();
        int personCount;
        int incomeCount;

        County(String county, long[] ids, Map<String, Long> batchIds, Consumer<Chunk> sink) {
            this.county = county;
            this.ids = ids;
            this.batchIds = batchIds;
            this.sink = sink;
        }

        /** Generates the households with their members and incomes as registry rows; returns them for the feeds. */
        List<GeneratedHousehold> registry(GeneratorSettings settings, int households) {
            List<GeneratedHousehold> generated = new ArrayList<>(households);
            for (GeneratedHousehold h :
                    (Iterable<GeneratedHousehold>) new HouseholdGenerator(settings).households()::iterator) {
                generated.add(h);
                long householdId = ids[0]++;
                byNumber.put(h.householdNumber(), new RegisteredHousehold(householdId, h.villageCode()));
                hh.cell(householdId)
                        .cell(h.householdNumber())
                        .cell(h.villageCode())
                        .cell(h.category().name())
                        .cell(h.address())
                        .cell(h.phone())
                        .endRow();
                for (GeneratedPerson p : h.members()) {
                    addPerson(p, householdId, h.villageCode());
                }
                int members = h.members().size();
                for (GeneratedIncome i : h.incomes()) {
                    IncomeAccount account = i.account();
                    ii.cell(householdId)
                            .cell(i.year())
                            .cell(i.wage())
                            .cell(i.operating())
                            .cell(i.property())
                            .cell(i.transfer())
                            .cell(i.productionCost())
                            .cell(account.netIncome())
                            .cell(members)
                            .cell(account.perCapita(members))
                            .endRow();
                    incomeCount++;
                }
                if (hh.length() + pp.length() + ii.length() > FLUSH_CHARS) {
                    sink.accept(new Chunk(hh.drain(), pp.drain(), ii.drain(), new byte[0]));
                }
            }
            sink.accept(new Chunk(hh.drain(), pp.drain(), ii.drain(), new byte[0]));
            return generated;
        }

        private void addPerson(GeneratedPerson p, long householdId, String village) {
            long personId = ids[1]++;
            persons.put(p.idNumber(), new Registered(personId, householdId, village, p.name()));
            pp.cell(personId)
                    .cell(householdId)
                    .cell(p.idNumber())
                    .cell(p.name())
                    .cell(p.sex().name())
                    .cell(p.birthDate())
                    .cell(p.relation().name())
                    .cell(name(p.education()))
                    .cell(name(p.health()))
                    .cell(p.disability().name())
                    .cell(name(p.labourCapacity()))
                    .cell(name(p.employment()))
                    .cell(name(p.employmentPlace()))
                    .cell(p.employmentMonths())
                    .cell(name(p.schooling()))
                    .cell(p.medicalInsured())
                    .cell(p.pensionInsured())
                    .endRow();
            personCount++;
        }

        /** Generates the department feeds about the households and stores each row as the import would. */
        void feeds(List<GeneratedHousehold> generated, long seed) {
            FeedSettings feeds = new FeedSettings(seed, asOf, 0.08, 0.02, 0.01).withRecordsPerPerson(recordsPerPerson);
            new DepartmentFeedGenerator(feeds).generate(generated.iterator(), this::feedRow);
            sink.accept(new Chunk(new byte[0], new byte[0], new byte[0], rr.drain()));
        }

        /** A feed row: checked by the catalogue and once per file, as the import does, then matched and stored. */
        private void feedRow(String category, Map<String, String> row) {
            FeedState state = states.computeIfAbsent(category, c -> new FeedState(schema(c)));
            int[] n = counts.computeIfAbsent(category, c -> new int[4]);
            n[Counts.TOTAL]++;
            state.rowNumber++;
            ValidatedRow validated = state.validator.validate(state.rowNumber, row);
            if (!validated.valid()) {
                n[Counts.REJECTED]++;
                return;
            }
            Map<String, Object> values = validated.values();
            String hash = rowHash(state.schema, values);
            if (!state.hashes.add(hash)) {
                n[Counts.REJECTED]++;
                return;
            }
            store(category, state, values, hash, n);
        }

        /** Matches a valid row to the registry as the import does and writes it, or counts it turned down. */
        private void store(String category, FeedState state, Map<String, Object> values, String hash, int[] n) {
            String idNumber = (String) values.get("id_number");
            String householdNumber = (String) values.get("household_number");
            String stagedVillage = (String) values.get("village_code");
            Registered person = idNumber == null ? null : persons.get(idNumber);
            RegisteredHousehold household =
                    idNumber == null && householdNumber != null ? byNumber.get(householdNumber) : null;
            Object name = state.schema.nameField() == null ? null : values.get(state.schema.nameField());
            // the import's match problems, in its order; a person registered in another county is not in this map
            // and would read as unregistered here: the generator never names one, since feeds are per county
            if ((person != null && name != null && !name.equals(person.name()))
                    || (idNumber == null && householdNumber != null && household == null)
                    || (idNumber == null
                            && householdNumber == null
                            && (stagedVillage == null || !stagedVillage.startsWith(county)))) {
                n[Counts.REJECTED]++;
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
            Object amount = state.schema.amountField() == null ? null : values.get(state.schema.amountField());
            rr.cell(batchIds.get(category))
                    .cell(state.rowNumber)
                    .cell(category)
                    .cell(idNumber)
                    .cell(householdNumber)
                    .cell(village)
                    .cell(personId)
                    .cell(householdId)
                    .cell(region)
                    .cell(values.get(state.schema.dateField()))
                    .cell(amount)
                    .cell(fieldsJson(values))
                    .cell("\\x" + hash)
                    .endRow();
            n[Counts.ACCEPTED]++;
            if (householdId == null) {
                n[Counts.UNMATCHED]++;
            }
            if (rr.length() > FLUSH_CHARS * 2) {
                sink.accept(new Chunk(new byte[0], new byte[0], new byte[0], rr.drain()));
            }
        }
    }

    /** The import's per-file state of one category: its validator, row numbers as a spreadsheet shows, hashes seen. */
    private final class FeedState {
        final CategorySchema schema;
        final RowValidator validator;
        final Set<String> hashes = new HashSet<>();
        long rowNumber = 1; // the header is row 1

        FeedState(CategorySchema schema) {
            this.schema = schema;
            this.validator = new RowValidator(schema, asOf);
        }
    }

    private CategorySchema schema(String category) {
        return catalogue
                .category(category)
                .orElseThrow(() -> new IllegalStateException(
                        "the generator wrote category " + category + ", which the catalogue does not have"));
    }

    /**
     * The stored {@code fields} document exactly as the import writes it (exchange.store.StagedRows): the validated
     * values in the catalogue's field order, numbers as numbers, flags as booleans, everything else as JSON text.
     */
    private String fieldsJson(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(json.writeValueAsString(entry.getKey())).append(':');
            Object value = entry.getValue();
            if (value instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (value instanceof Long || value instanceof Boolean) {
                out.append(value);
            } else {
                out.append(json.writeValueAsString(String.valueOf(value)));
            }
        }
        return out.append('}').toString();
    }

    /**
     * The import's content hash of a record (DepartmentDataImport.rowHash, which is private to the exchange module):
     * the same record sent twice is stored once, so the loader must hash exactly as the import does. A test stores the
     * same feeds through the import and through this loader and compares the rows.
     */
    static String rowHash(CategorySchema schema, Map<String, Object> values) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(schema.code().getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(values).forEach((k, v) -> {
            if (v == null) {
                return;
            }
            digest.update((byte) 0);
            digest.update(k.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '=');
            String text = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        });
        // the import keeps the first 16 bytes of the digest (exchange.store.StagedRows.hash)
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
