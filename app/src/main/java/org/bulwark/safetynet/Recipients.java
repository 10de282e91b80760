package org.bulwark.safetynet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.exchange.DepartmentRecordFeed.ScreeningRecord;
import org.bulwark.exchange.DepartmentRecordFeed.ScreeningSelection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Who receives allowance or support, per household and year, kept in step with the civil-affairs records: after each
 * batch of either category the households it names are recomputed from all their records, so a correcting batch (an
 * end date reported later) replaces what an earlier one said. Durable: the event publication registry keeps the
 * batch's publication until this completed.
 */
@Component
class Recipients {

    static final String LISTENER_ID = "safetynet.recipients-after-batch";

    private final JdbcClient jdbc;
    private final DepartmentRecordFeed feed;
    private final ObjectMapper json;
    private final Clock clock;

    Recipients(JdbcClient jdbc, DepartmentRecordFeed feed, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = LISTENER_ID)
    void on(BatchStored event) {
        if (Arrays.stream(RecipientKind.values()).anyMatch(k -> k.category().equals(event.category()))) {
            refresh(
                    feed.householdsNamedBy(event.batchId()),
                    RegionCode.parse(event.regionCode()).prefix());
        }
    }

    /** Recomputes the recipients of these households (of a region) from their records. */
    @Transactional
    void refresh(List<Long> households, String regionPrefix) {
        if (households.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Spell>> spells = new HashMap<>();
        List<String> categories = Arrays.stream(RecipientKind.values())
                .map(RecipientKind::category)
                .toList();
        feed.forScreening(
                new ScreeningSelection(categories, today, regionPrefix, households, List.of(), List.of()), r -> {
                    if (r.householdId() != null) {
                        spells.computeIfAbsent(r.householdId(), h -> new ArrayList<>())
                                .add(spell(r));
                    }
                });
        jdbc.sql("delete from safety_net_recipient where household_id = any(cast(:h as bigint[]))")
                .param("h", households.toArray(Long[]::new))
                .update();
        spells.forEach((household, list) -> store(household, list, today));
    }

    private Spell spell(ScreeningRecord record) {
        JsonNode fields = json.readTree(record.fields());
        String person = record.personId() != null ? "p" + record.personId() : record.idNumber();
        return new Spell(
                RecipientKind.ofCategory(record.category()),
                person,
                record.recordDate(),
                date(fields, "end_date"),
                amount(fields, "monthly_amount"));
    }

    private void store(long household, List<Spell> spells, LocalDate today) {
        for (RecipientKind kind : RecipientKind.values()) {
            List<Spell> ofKind = spells.stream().filter(s -> s.kind() == kind).toList();
            ofKind.stream()
                    .flatMapToInt(s -> s.years(today))
                    .distinct()
                    .forEach(year -> storeYear(household, kind, year, YearOfSpells.of(ofKind, year)));
        }
    }

    private void storeYear(long household, RecipientKind kind, int year, YearOfSpells spells) {
        jdbc.sql("""
                insert into safety_net_recipient (household_id, year, kind, persons, monthly_amount, continues)
                values (:h, :y, :k,
                        -- a spell of the whole household covers each of its members
                        case when :wholeHousehold
                             then greatest(:persons, (select count(*) from registry_person where household_id = :h))
                             else :persons end,
                        :amount, :continues)
                -- two batches about one household may be stored at once, each listener refilling it from all its
                -- records: the later one's figures stand instead of refusing the batch
                on conflict (household_id, year, kind)
                do update set persons = excluded.persons, monthly_amount = excluded.monthly_amount,
                              continues = excluded.continues
                """)
                .param("h", household)
                .param("y", year)
                .param("k", kind.name())
                .param("wholeHousehold", spells.wholeHousehold())
                .param("persons", Math.max(1, spells.persons()))
                .param("amount", spells.monthlyAmount())
                .param("continues", spells.continues())
                .update();
    }

    private static LocalDate date(JsonNode fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() || node.asString().isBlank() ? null : LocalDate.parse(node.asString());
    }

    private static BigDecimal amount(JsonNode fields, String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull() || node.asString().isBlank()) {
            return null;
        }
        return new BigDecimal(node.asString().strip());
    }

    /** The spells of one kind that fall in a year. */
    record YearOfSpells(long persons, boolean wholeHousehold, BigDecimal monthlyAmount, boolean continues) {

        static YearOfSpells of(List<Spell> spells, int year) {
            List<Spell> inYear = spells.stream()
                    .filter(s -> s.start().getYear() <= year
                            && (s.end() == null || s.end().getYear() >= year))
                    .toList();
            long persons = inYear.stream()
                    .filter(s -> s.person() != null)
                    .map(Spell::person)
                    .distinct()
                    .count();
            boolean whole = inYear.stream().anyMatch(s -> s.person() == null);
            // the latest spell's amount is what the household receives now
            BigDecimal amount = inYear.stream()
                    .filter(s -> s.monthlyAmount() != null)
                    .max(Comparator.comparing(Spell::start))
                    .map(Spell::monthlyAmount)
                    .orElse(null);
            boolean continues =
                    inYear.stream().anyMatch(s -> s.end() == null || s.end().getYear() > year);
            return new YearOfSpells(persons, whole, amount, continues);
        }
    }
}
