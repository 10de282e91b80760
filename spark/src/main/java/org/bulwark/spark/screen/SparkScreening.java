package org.bulwark.spark.screen;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.layout.ParquetLayout.Hits;

/**
 * The screening of a nation (or any part of it) on Spark with core's engine and the same rule file: reads the
 * Parquet layout ({@code households}, {@code persons}, {@code incomes}, {@code records}, each partitioned by
 * {@code province}), brings each village's households, members, incomes and records into one partition sorted by
 * village (no join: persons, incomes and registered records carry their household's village), screens whole
 * villages in batches, screens unregistered persons' records gathered by identity number the same way, and writes
 * the hits with their evidence as Parquet partitioned by province. Each province is screened with its own
 * parameters, as the platform's full run of that province would.
 */
public final class SparkScreening {

    /**
     * What to screen.
     *
     * @param rulesText       the rule file's text (the platform's, or a province's own)
     * @param partitions      shuffle partitions; a few per core
     * @param batchHouseholds households per engine call inside a partition
     */
    public record Job(
            String input,
            String output,
            String rulesText,
            String rulesName,
            LocalDate asOf,
            int partitions,
            int batchHouseholds) {
        public Job {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(rulesText, "rulesText");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** What a run screened and found. */
    /**
     * What a run screened and found.
     *
     * @param engineSeconds time the tasks spent building the engine's tables and screening, summed over tasks
     */
    public record Summary(long households, long unregisteredPersons, long hits, double seconds, double engineSeconds) {}

    private SparkScreening() {}

    /** Runs the job on the session and writes the hits to {@code job.output()}. */
    public static Summary run(SparkSession spark, Job job) {
        long started = System.nanoTime();
        RuleSet rules = RuleSet.load(new java.io.StringReader(job.rulesText()), job.rulesName());
        if (job.asOf().isBefore(rules.effectiveFrom())) {
            throw new IllegalArgumentException("rules " + rules.version() + " take effect on " + rules.effectiveFrom()
                    + ", after the as-of date " + job.asOf());
        }
        LongAccumulator households = spark.sparkContext().longAccumulator("households");
        LongAccumulator persons = spark.sparkContext().longAccumulator("unregistered persons");
        LongAccumulator screenNanos = spark.sparkContext().longAccumulator("engine nanoseconds");
        Dataset<Row> villageHits = villages(spark, job)
                .repartition(job.partitions(), col("province"), col("grp"))
                .sortWithinPartitions("province", "grp", "kind", "seq")
                .mapPartitions(
                        new VillagePartition(
                                job.rulesText(),
                                job.rulesName(),
                                job.asOf(),
                                job.batchHouseholds(),
                                households,
                                screenNanos),
                        Encoders.row(Units.HITS));
        Dataset<Row> personHits = unregistered(spark, job)
                .repartition(job.partitions(), col("province"), col("grp"))
                .sortWithinPartitions("province", "grp", "seq")
                .mapPartitions(
                        new PersonPartition(
                                job.rulesText(), job.rulesName(), job.asOf(), job.batchHouseholds() * 10, persons),
                        Encoders.row(Units.HITS));
        Dataset<Row> hits = villageHits
                .union(personHits)
                .withColumn("deadline", col("deadline").cast("date"));
        hits.write().mode(SaveMode.Overwrite).partitionBy(Hits.PROVINCE).parquet(job.output());
        long count = spark.read().parquet(job.output()).count();
        return new Summary(
                households.value(),
                persons.value(),
                count,
                (System.nanoTime() - started) / 1e9,
                screenNanos.value() / 1e9);
    }

    /** Households, members, incomes and the records of households and villages, as unit rows keyed by village. */
    private static Dataset<Row> villages(SparkSession spark, Job job) {
        String in = job.input();
        String province = "substr(village_code, 1, 2)";
        Dataset<Row> households = spark.read()
                .parquet(in + "/households")
                .selectExpr(Units.select(
                        Units.HOUSEHOLD,
                        province,
                        "village_code",
                        "household_id",
                        "household_id",
                        null,
                        "category",
                        null,
                        null,
                        null,
                        null,
                        "village_code",
                        null,
                        null));
        Dataset<Row> persons = spark.read()
                .parquet(in + "/persons")
                .selectExpr(Units.select(
                        Units.PERSON,
                        province,
                        "village_code",
                        "person_id",
                        "household_id",
                        "person_id",
                        "labour_capacity",
                        "id_number",
                        Units.day("birth_date"),
                        null,
                        null,
                        "village_code",
                        null,
                        null));
        Dataset<Row> incomes = spark.read()
                .parquet(in + "/incomes")
                .selectExpr(Units.select(
                        Units.INCOME,
                        province,
                        "village_code",
                        "household_id",
                        "household_id",
                        null,
                        null,
                        null,
                        null,
                        "net_income",
                        "year",
                        "village_code",
                        null,
                        null));
        Dataset<Row> records = records(spark, job)
                .where("household_id is not null or (id_number is null and village_code is not null)")
                .selectExpr(recordUnit(province, "village_code"));
        return households.union(persons).union(incomes).union(records);
    }

    /** Records of no household that carry an identity number, keyed by that number within their province. */
    private static Dataset<Row> unregistered(SparkSession spark, Job job) {
        return records(spark, job)
                .where("household_id is null and id_number is not null and region_code is not null")
                .selectExpr(recordUnit("substr(region_code, 1, 2)", "id_number"));
    }

    private static Dataset<Row> records(SparkSession spark, Job job) {
        return spark.read().parquet(job.input() + "/records").where("record_date <= date'" + job.asOf() + "'");
    }

    private static String[] recordUnit(String province, String group) {
        return Units.select(
                Units.RECORD,
                province,
                group,
                "record_id",
                "household_id",
                "person_id",
                "category",
                "id_number",
                Units.day("record_date"),
                null,
                null,
                "village_code",
                "region_code",
                "fields");
    }
}
