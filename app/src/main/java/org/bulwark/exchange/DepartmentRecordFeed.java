package org.bulwark.exchange;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored department records as other modules read them — screening above all, which reads every record of the
 * categories its rules read. The exchange owns {@code department_record} and its parts, so their SQL is here; the
 * readers get rows, or for the screening store's bulk copy PostgreSQL's own {@code COPY} stream, which stays the
 * fastest way out of the database.
 */
@Component
public class DepartmentRecordFeed {

    private final JdbcClient jdbc;

    DepartmentRecordFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A record as screening reads it: whom it is about, its date, and its document as JSON text. */
    public record ScreeningRecord(
            long id,
            String category,
            Long householdId,
            Long personId,
            String idNumber,
            String villageCode,
            LocalDate recordDate,
            String fields) {}

    /**
     * Which records screening reads: those of the categories up to a date within a region; for a subset, only those
     * of the households, of the unregistered residents' identity numbers and the village-wide records of the villages.
     */
    public record ScreeningSelection(
            Collection<String> categories,
            LocalDate asOf,
            String regionPrefix,
            List<Long> householdIds,
            List<String> idNumbers,
            Collection<String> villages) {

        boolean subset() {
            return householdIds != null;
        }
    }

    /** Hands each selected record to {@code sink}, by category and then id. */
    public void forScreening(ScreeningSelection selection, Consumer<ScreeningRecord> sink) {
        boolean subset = selection.subset();
        // one statement for every category, by category and then id (the tables' order); a subset is joined
        // through unnest, which PostgreSQL answers with index lookups
        String recordSql = subset ? """
                select r.id, r.category, r.household_id, r.person_id, r.id_number, r.village_code, r.record_date,
                       r.fields::text as fields
                from department_record r join unnest(cast(:ids as bigint[])) as s(id) on r.household_id = s.id
                where r.category = any(cast(:categories as varchar[])) and r.record_date <= :asOf
                  and r.region_code like :scope
                union all
                select r.id, r.category, r.household_id, r.person_id, r.id_number, r.village_code, r.record_date,
                       r.fields::text as fields
                from department_record r join unnest(cast(:people as varchar[])) as u(id) on r.id_number = u.id
                where r.category = any(cast(:categories as varchar[])) and r.record_date <= :asOf
                  and r.household_id is null and r.region_code like :scope
                union all
                select r.id, r.category, r.household_id, r.person_id, r.id_number, r.village_code, r.record_date,
                       r.fields::text as fields
                from department_record r join unnest(cast(:villages as varchar[])) as v(code) on r.village_code = v.code
                where r.category = any(cast(:categories as varchar[])) and r.record_date <= :asOf
                  and r.household_id is null and r.id_number is null and r.region_code like :scope
                order by 2, 1
                """ : """
                select r.id, r.category, r.household_id, r.person_id, r.id_number, r.village_code, r.record_date,
                       r.fields::text as fields
                from department_record r
                where r.category = any(cast(:categories as varchar[])) and r.record_date <= :asOf
                  and r.region_code like :scope
                order by r.category, r.id
                """;
        jdbc.sql(recordSql)
                .param("categories", selection.categories().toArray(String[]::new))
                .param("asOf", selection.asOf())
                .param("scope", selection.regionPrefix() + "%")
                .param("ids", subset ? selection.householdIds().toArray(Long[]::new) : new Long[0])
                .param(
                        "people",
                        selection.idNumbers() == null
                                ? new String[0]
                                : selection.idNumbers().toArray(String[]::new))
                .param("villages", subset ? selection.villages().toArray(String[]::new) : new String[0])
                .query((ResultSet rs) -> {
                    sink.accept(new ScreeningRecord(
                            rs.getLong("id"),
                            rs.getString("category"),
                            rs.getObject("household_id", Long.class),
                            rs.getObject("person_id", Long.class),
                            rs.getString("id_number"),
                            rs.getString("village_code"),
                            rs.getObject("record_date", LocalDate.class),
                            rs.getString("fields")));
                });
    }

    /**
     * The registered households a batch's records name. The batch is in the shared part or in a part of its own,
     * whose part is its batch: naming both lets PostgreSQL skip the other parts, which have no index by batch (V22).
     */
    public List<Long> householdsNamedBy(long batchId) {
        return jdbc.sql("""
                select distinct household_id from department_record
                where batch_id = :b and part in (0, :b) and household_id is not null
                """).param("b", batchId).query(Long.class).list();
    }

    /** A record about a registered person, with its fields as JSON text. */
    public record PersonRecord(long id, long personId, LocalDate recordDate, String fields) {}

    /**
     * A batch's records of one category about registered persons, oldest record date first (so that a follower
     * applying them in turn ends with the latest).
     */
    public List<PersonRecord> personRecordsOf(long batchId, String category) {
        return jdbc.sql("""
                select id, person_id, record_date, fields::text as fields from department_record
                where batch_id = :b and part in (0, :b) and category = :c and person_id is not null
                order by record_date, id
                """)
                .param("b", batchId)
                .param("c", category)
                .query((rs, n) -> new PersonRecord(
                        rs.getLong("id"),
                        rs.getLong("person_id"),
                        rs.getObject("record_date", LocalDate.class),
                        rs.getString("fields")))
                .list();
    }

    /** The villages a batch's village-wide records (about no household and no person) are about. */
    public List<String> villagesCoveredBy(long batchId) {
        return jdbc.sql("""
                select distinct r.village_code from department_record r
                where r.batch_id = :b and r.part in (0, :b) and r.household_id is null and r.id_number is null
                  and r.village_code is not null
                """).param("b", batchId).query(String.class).list();
    }

    /** The identity numbers of the residents the registry does not have whom a batch's records name. */
    public List<String> unregisteredNamedBy(long batchId) {
        return jdbc.sql("select distinct id_number from department_record "
                        + "where batch_id = :b and part in (0, :b) and household_id is null and id_number is not null")
                .param("b", batchId)
                .query(String.class)
                .list();
    }

    /**
     * The records of the categories with an id above {@code afterId} and up to {@code upToId}, by id, as a
     * {@code COPY ... TO STDOUT WITH (FORMAT BINARY)} through {@code connection} (whose transaction decides the
     * snapshot). Columns: id ({@code bigint}), category (text), household id and person id ({@code bigint}), record
     * date ({@code date}); for records without a person their identity number, village code and region code (texts,
     * else null); then the record's fields, its JSON document as stored (an object of field names and values). By id
     * alone, so that every category comes out of one pass over the id index; in binary and with the documents as
     * they are, since formatting the rows as text and parsing the documents took PostgreSQL most of the copy's time.
     */
    public static CopyOut copyForScreening(
            Connection connection, Collection<String> categories, long afterId, long upToId) throws SQLException {
        StringBuilder select = new StringBuilder("select r.id, r.category, r.household_id, r.person_id, r.record_date, "
                + "case when r.person_id is null then r.id_number end, "
                + "case when r.person_id is null then r.village_code end, "
                + "case when r.person_id is null then r.region_code end, r.fields from department_record r");
        select.append(" where r.category in (")
                .append(String.join(
                        ", ",
                        categories.stream().map(DepartmentRecordFeed::literal).toList()))
                .append(") and r.id > ")
                .append(afterId);
        if (upToId < Long.MAX_VALUE) {
            select.append(" and r.id <= ").append(upToId);
        }
        select.append(" order by r.id");
        return connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("copy (" + select + ") to stdout with (format binary)");
    }

    /**
     * The highest record id stored, in {@code connection}'s snapshot: of the shared part by its index, of the parts
     * of their own as kept with their hashes (their id index is a block range index, which cannot answer max: V22).
     */
    public static long highestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                     select greatest((select coalesce(max(id), 0) from department_record_shared),
                                     (select coalesce(max(last_id), 0) from department_record_hashes))
                     """)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** How many records have an id above {@code id}, in {@code connection}'s snapshot. */
    public static long countAbove(Connection connection, long id) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from department_record where id > " + id)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
