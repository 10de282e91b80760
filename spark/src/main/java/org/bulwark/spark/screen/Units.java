package org.bulwark.spark.screen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.ParquetLayout.Hits;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one row shape the four inputs are brought to, so that a village's households, members, incomes and records
 * meet in one sorted partition without a join; and the shape of the hits written out. Dates travel as epoch days.
 */
final class Units {

    static final int HOUSEHOLD = 0;
    static final int PERSON = 1;
    static final int INCOME = 2;
    static final int RECORD = 3;

    /** Column positions of the unit rows, in the order of {@link #select}. */
    static final int KIND = 0;

    static final int PROVINCE = 1;
    static final int GROUP = 2;
    static final int SEQ = 3;
    static final int HOUSEHOLD_ID = 4;
    static final int PERSON_ID = 5;
    static final int TEXT = 6;
    static final int ID_NUMBER = 7;
    static final int DAY = 8;
    static final int NUMBER = 9;
    static final int YEAR = 10;
    static final int VILLAGE = 11;
    static final int REGION = 12;
    static final int FIELDS = 13;

    /** The unit columns as SQL expressions over an input, given each one's expression (null: none). */
    static String[] select(
            int kind,
            String province,
            String group,
            String seq,
            String householdId,
            String personId,
            String text,
            String idNumber,
            String day,
            String number,
            String year,
            String village,
            String region,
            String fields) {
        return new String[] {
            kind + " as kind",
            province + " as province",
            group + " as grp",
            seq + " as seq",
            or(householdId, "bigint") + " as household_id",
            or(personId, "bigint") + " as person_id",
            or(text, "string") + " as text",
            or(idNumber, "string") + " as id_number",
            or(day, "int") + " as day",
            or(number, "double") + " as number",
            or(year, "int") + " as year",
            or(village, "string") + " as village",
            or(region, "string") + " as region",
            or(fields, "map<string,string>") + " as fields"
        };
    }

    private static String or(String expression, String type) {
        return expression == null ? "cast(null as " + type + ")" : expression;
    }

    /** Days since 1970-01-01 of a date column, exact whatever the session's time zone. */
    static String day(String column) {
        return "datediff(" + column + ", date'1970-01-01')";
    }

    static HouseholdRow household(Row row) {
        return new HouseholdRow(row.getLong(HOUSEHOLD_ID), row.getString(VILLAGE), row.getString(TEXT));
    }

    static PersonRow person(Row row) {
        return new PersonRow(
                row.getLong(PERSON_ID),
                row.getLong(HOUSEHOLD_ID),
                row.getString(VILLAGE),
                row.getString(ID_NUMBER),
                row.isNullAt(DAY) ? null : LocalDate.ofEpochDay(row.getInt(DAY)),
                row.getString(TEXT));
    }

    static IncomeRow income(Row row) {
        return new IncomeRow(
                row.getLong(HOUSEHOLD_ID), row.getString(VILLAGE), row.getInt(YEAR), row.getDouble(NUMBER));
    }

    static RecordRow record(Row row) {
        Map<String, String> fields = row.isNullAt(FIELDS) ? Map.of() : row.getJavaMap(FIELDS);
        return new RecordRow(
                row.getLong(SEQ),
                row.getString(TEXT),
                row.isNullAt(HOUSEHOLD_ID) ? null : row.getLong(HOUSEHOLD_ID),
                row.isNullAt(PERSON_ID) ? null : row.getLong(PERSON_ID),
                row.getString(ID_NUMBER),
                row.getString(VILLAGE),
                row.getString(REGION),
                LocalDate.ofEpochDay(row.getInt(DAY)),
                fields);
    }

    /** The hits as written, partitioned by province; the deadline is cast from its ISO text after. */
    static final StructType HITS = new StructType(new StructField[] {
        DataTypes.createStructField(Hits.HOUSEHOLD_ID, DataTypes.LongType, true),
        DataTypes.createStructField(Hits.ID_NUMBER, DataTypes.StringType, true),
        DataTypes.createStructField(Hits.REGION_CODE, DataTypes.StringType, false),
        DataTypes.createStructField(Hits.RULE_ID, DataTypes.StringType, false),
        DataTypes.createStructField(Hits.RULE_VERSION, DataTypes.StringType, false),
        DataTypes.createStructField(Hits.DIRECTION, DataTypes.StringType, false),
        DataTypes.createStructField(Hits.RISK_TYPE, DataTypes.StringType, true),
        DataTypes.createStructField(Hits.LEVEL, DataTypes.StringType, false),
        DataTypes.createStructField(Hits.DEADLINE, DataTypes.StringType, false),
        DataTypes.createStructField(
                Hits.PARAMETERS, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false),
        DataTypes.createStructField(
                Hits.FEATURES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false),
        DataTypes.createStructField(
                Hits.RECORDS,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.createArrayType(DataTypes.LongType)),
                false),
        DataTypes.createStructField(Hits.PROVINCE, DataTypes.StringType, false)
    });

    static List<Row> rows(List<HitRow> hits, String province) {
        List<Row> rows = new ArrayList<>(hits.size());
        for (HitRow hit : hits) {
            Map<String, scala.collection.immutable.Seq<Object>> records = new java.util.LinkedHashMap<>();
            hit.records().forEach((feature, ids) -> {
                List<Object> boxed = new ArrayList<>(ids.length);
                for (long id : ids) {
                    boxed.add(id);
                }
                records.put(feature, CollectionConverters.asScala(boxed).toList());
            });
            rows.add(RowFactory.create(
                    hit.householdId(),
                    hit.idNumber(),
                    hit.regionCode(),
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction(),
                    hit.riskType(),
                    hit.level(),
                    hit.deadline().toString(),
                    CollectionConverters.asScala(hit.parameters()),
                    CollectionConverters.asScala(hit.features()),
                    CollectionConverters.asScala(records),
                    province));
        }
        return rows;
    }

    private Units() {}
}
