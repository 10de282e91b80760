package org.bulwark.layout;

import java.nio.file.Path;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet layout of the Spark job (docs/spark.md): a directory with four tables, each partitioned by province
 * ({@code <table>/province=<PP>/part-*.parquet}), and the job's hits, partitioned the same way. A table's directory
 * is its schema's name. {@link LayoutWriter} writes the tables; the Spark module reads them and writes the hits with
 * the {@link Hits} columns, which the tools' {@code import-hits} reads back.
 */
public final class ParquetLayout {

    public static final MessageType HOUSEHOLDS = MessageTypeParser.parseMessageType("""
            message households {
              required int64 household_id;
              required binary village_code (STRING);
              required binary category (STRING);
            }""");
    public static final MessageType PERSONS = MessageTypeParser.parseMessageType("""
            message persons {
              required int64 person_id;
              required int64 household_id;
              required binary village_code (STRING);
              optional binary id_number (STRING);
              optional int32 birth_date (DATE);
              optional binary labour_capacity (STRING);
            }""");
    public static final MessageType INCOMES = MessageTypeParser.parseMessageType("""
            message incomes {
              required int64 household_id;
              required binary village_code (STRING);
              required int32 year;
              required double net_income;
            }""");
    public static final MessageType RECORDS = MessageTypeParser.parseMessageType("""
            message records {
              required int64 record_id;
              required binary category (STRING);
              optional int64 household_id;
              optional int64 person_id;
              optional binary id_number (STRING);
              optional binary village_code (STRING);
              optional binary region_code (STRING);
              required int32 record_date (DATE);
              required group fields (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
            }""");

    private ParquetLayout() {}

    /** The directory of {@code table}'s files of the province that {@code region} (a code or prefix) starts with. */
    public static Path partition(Path dir, MessageType table, String region) {
        return dir.resolve(table.getName()).resolve(province(region));
    }

    /** The partition directory's name of the province that {@code region} starts with: {@code province=<PP>}. */
    public static String province(String region) {
        return "province=" + region.substring(0, 2);
    }

    /**
     * The columns of the hits the Spark job writes: {@code parameters} a map of doubles, {@code features} a map of
     * texts, {@code records} a map of each feature's record ids, {@code deadline} a date.
     */
    public static final class Hits {
        public static final String HOUSEHOLD_ID = "household_id";
        public static final String ID_NUMBER = "id_number";
        public static final String REGION_CODE = "region_code";
        public static final String RULE_ID = "rule_id";
        public static final String RULE_VERSION = "rule_version";
        public static final String DIRECTION = "direction";
        public static final String RISK_TYPE = "risk_type";
        public static final String LEVEL = "level";
        public static final String DEADLINE = "deadline";
        public static final String PARAMETERS = "parameters";
        public static final String FEATURES = "features";
        public static final String RECORDS = "records";
        /** The partition column: the hits' directories are {@code province=<PP>}. */
        public static final String PROVINCE = "province";

        private Hits() {}
    }
}
