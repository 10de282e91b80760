package org.bulwark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed copy of the screening inputs the peers of {@code bench-screen} read (schema {@code bench_typed}, created
 * and dropped by the bench, never by the platform's migrations): one table per category the default rules read, with
 * the record's keys and only the fields the rules read as typed columns, and the registry's columns the rules read.
 * A flag the data catalogue keeps as a date (renovated, ended) keeps both columns, as the records do: whether the
 * date has come depends on the as-of date, so the query decides it.
 */
final class TypedInputs {

    /** The schema of the copy, in PostgreSQL and in DuckDB alike. */
    static final String SCHEMA = "bench_typed";

    /** A typed column's kind, with its type in each database. */
    enum Kind {
        NUMBER("numeric", "decimal(18,4)"),
        TEXT("varchar", "varchar"),
        FLAG("boolean", "boolean"),
        DATE("date", "date"),
        ID("bigint", "bigint"),
        INT("int", "int");

        final String postgres;
        final String duckdb;

        Kind(String postgres, String duckdb) {
            this.postgres = postgres;
            this.duckdb = duckdb;
        }
    }

    /** A column of the copy, and the PostgreSQL expression that fills it from the platform's tables. */
    record Column(String name, Kind kind, String source) {}

    /** A table of the copy, and the platform's rows it is filled from ({@code from … where …}, :scope bound). */
    record Table(String name, List<Column> columns, String from) {

        String postgresDefinition() {
            return definition(true);
        }

        String duckdbDefinition() {
            return definition(false);
        }

        private String definition(boolean postgres) {
            List<String> columns = new ArrayList<>();
            for (Column c : this.columns) {
                columns.add(c.name() + " " + (postgres ? c.kind().postgres : c.kind().duckdb));
            }
            return "create table " + SCHEMA + "." + name + " (" + String.join(", ", columns) + ")";
        }

        /** The statement that fills the PostgreSQL copy (the caller binds :scope). */
        String fill() {
            List<String> sources = new ArrayList<>();
            for (Column c : columns) {
                sources.add(c.source());
            }
            return "insert into " + SCHEMA + "." + name + " select " + String.join(", ", sources) + " " + from;
        }
    }

    /** The fields the default rules read, by category, in the rule file's order. */
    private static final Map<String, Map<String, Kind>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("medical_settlement", fields("out_of_pocket", Kind.NUMBER, "in_scope_out_of_pocket", Kind.NUMBER));
        FIELDS.put("medical_enrolment", fields("enrolled", Kind.FLAG));
        FIELDS.put("serious_illness", fields());
        FIELDS.put("minimum_living_allowance", fields("ended", Kind.FLAG, "end_date", Kind.DATE));
        FIELDS.put("extreme_poverty_support", fields("ended", Kind.FLAG, "end_date", Kind.DATE));
        FIELDS.put("temporary_assistance", fields());
        FIELDS.put("disability_certificate", fields("grade", Kind.NUMBER));
        FIELDS.put("school_status", fields("status", Kind.TEXT));
        FIELDS.put("student_aid", fields("amount", Kind.NUMBER, "non_compulsory_cost", Kind.NUMBER));
        FIELDS.put("employment_status", fields("status", Kind.TEXT));
        FIELDS.put("housing_safety", fields("grade", Kind.TEXT, "renovated", Kind.FLAG, "renovated_date", Kind.DATE));
        FIELDS.put("drinking_water", fields("status", Kind.TEXT, "days_interrupted", Kind.NUMBER));
        FIELDS.put("disaster_loss", fields("loss_amount", Kind.NUMBER));
        FIELDS.put("death_record", fields());
        FIELDS.put("vehicle_registration", fields("vehicle_type", Kind.TEXT, "value", Kind.NUMBER));
        FIELDS.put("business_registration", fields("entity_type", Kind.TEXT, "registered_capital", Kind.NUMBER));
        FIELDS.put("real_estate", fields("kind", Kind.TEXT));
        FIELDS.put("public_payroll", fields());
        FIELDS.put("agricultural_loss", fields("loss_amount", Kind.NUMBER));
        FIELDS.put("microcredit", fields("overdue_days", Kind.NUMBER));
        FIELDS.put("taxable_income", fields("amount", Kind.NUMBER));
        FIELDS.put(
                "industry_benefit",
                fields("projects", Kind.NUMBER, "failed_projects", Kind.NUMBER, "least_received", Kind.NUMBER));
    }

    private TypedInputs() {}

    private static Map<String, Kind> fields(Object... nameAndKind) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameAndKind.length; i += 2) {
            fields.put((String) nameAndKind[i], (Kind) nameAndKind[i + 1]);
        }
        return fields;
    }

    /** The registry's tables first (households of the region, their persons and incomes), then the categories'. */
    static List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(
                "household",
                List.of(
                        new Column("id", Kind.ID, "h.id"),
                        new Column("village_code", Kind.TEXT, "h.village_code"),
                        new Column("category", Kind.TEXT, "h.category")),
                "from household h where h.village_code like :scope"));
        tables.add(new Table(
                "person",
                List.of(
                        new Column("id", Kind.ID, "p.id"),
                        new Column("household_id", Kind.ID, "p.household_id"),
                        new Column("labour_capacity", Kind.TEXT, "p.labour_capacity"),
                        new Column("birth_date", Kind.DATE, "p.birth_date")),
                "from person p join household h on h.id = p.household_id where h.village_code like :scope"));
        tables.add(new Table(
                "household_income",
                List.of(
                        new Column("household_id", Kind.ID, "i.household_id"),
                        new Column("year", Kind.INT, "i.year"),
                        new Column("net_income", Kind.NUMBER, "i.net_income")),
                "from household_income i join household h on h.id = i.household_id where h.village_code like :scope"));
        FIELDS.forEach((category, fields) -> tables.add(category(category, fields)));
        return tables;
    }

    /** A category's table: the record's keys, then each field read once from the record's JSON text and cast. */
    private static Table category(String category, Map<String, Kind> fields) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("id", Kind.ID, "r.id"),
                new Column("household_id", Kind.ID, "r.household_id"),
                new Column("person_id", Kind.ID, "r.person_id"),
                new Column("id_number", Kind.TEXT, "r.id_number"),
                new Column("village_code", Kind.TEXT, "r.village_code"),
                new Column("record_date", Kind.DATE, "r.record_date")));
        // an empty text reads as absent (0, false, no date), as the engine reads a missing value
        fields.forEach((name, kind) -> columns.add(new Column(
                name, kind, "nullif(r.doc->>'" + name + "', '')::" + (kind == Kind.TEXT ? "text" : kind.postgres))));
        return new Table(
                category,
                columns,
                "from (select d.*, d.fields::json as doc from department_record d where d.category = '" + category
                        + "' and d.region_code like :scope) r");
    }
}
