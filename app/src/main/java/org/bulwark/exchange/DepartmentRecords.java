package org.bulwark.exchange;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.identity.Masking;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads stored department records for the pages that show them, within the user's region. */
@Service
@Transactional(readOnly = true)
public class DepartmentRecords {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final DataCatalogue catalogue;
    private final RecordLabels labels;
    private final ObjectMapper json;
    private final Clock clock;

    DepartmentRecords(
            JdbcClient jdbc,
            CurrentUser currentUser,
            DataCatalogue catalogue,
            RecordLabels labels,
            ObjectMapper json,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.catalogue = catalogue;
        this.labels = labels;
        this.json = json;
    }

    /**
     * The newest records about a household — matched to it or to one of its members — and about its whole village
     * (a village-keyed record applies to every household there, as screening reads it), with the count of all. One
     * query: the household's records by the household index, the village's by the village-wide index.
     */
    public HouseholdRecords ofHousehold(long householdId, String villageCode, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        // health, disability and bank records only for the roles that need them; for the others they are not there
        List<String> withheld = withheld();
        long[] total = {0};
        List<HouseholdRecord> records = jdbc.sql("""
                select r.id, r.category, r.person_id, r.id_number, r.household_id, r.record_date,
                       r.fields::text as fields, r.batch_id, r.source_row, r.stored_at, b.file_name,
                       count(*) over () as total
                from (
                    -- the household's records, and its village's village-wide records: two statements, so that a
                    -- part without village-wide records (it has no index for them, V22) is left out of the second
                    select * from department_record where household_id = :h
                    union all
                    select * from department_record
                    where village_code = :v and household_id is null and id_number is null
                ) r join exchange_batch b on b.id = r.batch_id
                where r.region_code like :scope and r.category not in (:withheld)
                  -- a record dated ahead is the platform's snapshot of next year's industry benefit, which only
                  -- screening in that year reads; the file shows what holds now
                  and r.record_date <= :today
                order by r.record_date desc, r.id desc
                limit :limit
                """)
                .param("today", LocalDate.now(clock))
                .param("h", householdId)
                .param("v", villageCode)
                .param("scope", currentUser.scope().likePattern())
                .param("limit", limit)
                .param("withheld", withheld)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return record(rs, locale);
                })
                .list();
        return new HouseholdRecords(records, records.isEmpty() ? 0 : total[0]);
    }

    /**
     * These records of a household (its own, its members' and its village's village-wide ones) or of a person the
     * registry does not have, as rows behind a warning's figures: those of the user's region only, none of a
     * sensitive category for a role that may not read them, oldest first. Read through the household's and the
     * identity number's indexes (record ids have none).
     */
    public List<HouseholdRecord> byIds(Collection<Long> ids, Long householdId, String villageCode, String idNumber) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                select r.id, r.category, r.person_id, r.id_number, r.household_id, r.record_date,
                       r.fields::text as fields, r.batch_id, r.source_row, r.stored_at, b.file_name
                from (
                    select * from department_record where household_id = :h
                    union all
                    select * from department_record
                    where village_code = :v and household_id is null and id_number is null
                    union all
                    select * from department_record where household_id is null and id_number = :idn
                ) r join exchange_batch b on b.id = r.batch_id
                where r.id = any(cast(:ids as bigint[])) and r.region_code like :scope
                  and r.category not in (:withheld)
                order by r.record_date, r.id
                """)
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .param("h", householdId, Types.BIGINT)
                .param("v", villageCode)
                .param("idn", householdId == null ? idNumber : null, Types.VARCHAR)
                .param("scope", currentUser.scope().likePattern())
                .param("withheld", withheld())
                .query((rs, n) -> record(rs, locale))
                .list();
    }

    /**
     * A household's records of these categories — its own, its members' and its village's village-wide ones — with
     * the values a comparison computes with, newest first: what the county's data comparison sets beside what the
     * household declared. Scoped and withheld as {@link #ofHousehold} is.
     */
    public List<ComparedRecord> forComparison(
            long householdId, String villageCode, Collection<String> categories, int limit) {
        if (categories.isEmpty()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                select r.id, r.category, r.person_id, r.id_number, r.household_id, r.record_date,
                       r.fields::text as fields, r.batch_id, r.source_row, r.stored_at, b.file_name
                from (
                    select * from department_record where household_id = :h
                    union all
                    select * from department_record
                    where village_code = :v and household_id is null and id_number is null
                ) r join exchange_batch b on b.id = r.batch_id
                where r.region_code like :scope and r.category in (:categories) and r.category not in (:withheld)
                order by r.record_date desc, r.id desc
                limit :limit
                """)
                .param("h", householdId)
                .param("v", villageCode)
                .param("scope", currentUser.scope().likePattern())
                .param("categories", List.copyOf(categories))
                .param("withheld", withheld())
                .param("limit", limit)
                .query((rs, n) -> compared(record(rs, locale), rs.getString("fields")))
                .list();
    }

    private ComparedRecord compared(HouseholdRecord shown, String fields) {
        JsonNode node = json.readTree(fields);
        Map<String, String> raw = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                raw.put(e.getKey(), e.getValue().asString());
            }
        });
        BigDecimal amount = catalogue
                .category(shown.category())
                .map(CategorySchema::amountField)
                .map(raw::get)
                .map(DepartmentRecords::decimal)
                .orElse(null);
        return new ComparedRecord(shown, amount, raw);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Categories the user may not read: health, disability and bank records for roles that do not need them. */
    private List<String> withheld() {
        List<String> withheld = new ArrayList<>(List.of(""));
        if (!currentUser.require().can(Role.Permission.READ_SENSITIVE_DATA)) {
            catalogue.categories().stream()
                    .filter(CategorySchema::sensitive)
                    .map(CategorySchema::code)
                    .forEach(withheld::add);
        }
        return withheld;
    }

    private HouseholdRecord record(ResultSet rs, Locale locale) throws SQLException {
        String category = rs.getString("category");
        Optional<CategorySchema> schema = catalogue.category(category);
        LocalDate date = rs.getObject("record_date", LocalDate.class);
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        String idNumber = rs.getString("id_number");
        rs.getLong("household_id");
        boolean villageWide = rs.wasNull() && idNumber == null;
        String fields = rs.getString("fields");
        JsonNode node = json.readTree(fields);
        String name = schema.map(CategorySchema::nameField)
                .map(node::get)
                .filter(v -> !v.isNull())
                .map(JsonNode::asString)
                .orElse(null);
        return new HouseholdRecord(
                rs.getLong("id"),
                category,
                labels.category(category, schema, locale),
                schema.map(s -> labels.department(s, locale)).orElse(""),
                date,
                schema.map(s -> labels.period(s, date)).orElse(date.toString()),
                personId,
                idNumber == null ? null : Masking.maskIdentityNumber(idNumber),
                villageWide,
                schema.map(s -> values(s, node, locale)).orElse(List.of()),
                rs.getLong("batch_id"),
                rs.getInt("source_row"),
                rs.getString("file_name"),
                rs.getTimestamp("stored_at").toInstant(),
                name);
    }

    /** The record's own values in the category's column order: keys, the person's name and the date left out. */
    private List<HouseholdRecord.Value> values(CategorySchema schema, JsonNode node, Locale locale) {
        List<String> left = new ArrayList<>(schema.keyFields());
        left.add(schema.dateField());
        if (schema.nameField() != null) {
            left.add(schema.nameField());
        }
        List<HouseholdRecord.Value> values = new ArrayList<>();
        for (FieldSpec field : schema.fields()) {
            JsonNode value = node.get(field.name());
            if (left.contains(field.name()) || value == null || value.isNull()) {
                continue;
            }
            values.add(new HouseholdRecord.Value(
                    labels.field(schema, field, locale),
                    labels.value(field, value, locale),
                    field.name().equals(schema.amountField()),
                    RecordLabels.isRegionCode(field, value)));
        }
        return values;
    }
}
