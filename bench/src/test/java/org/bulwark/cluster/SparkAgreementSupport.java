package org.bulwark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bulwark.bench.GeneratedCounty;
import org.bulwark.bench.ProvinceLoader;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.ClusterScreening;
import org.bulwark.screening.ClusterScreening.ClusterHit;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the agreement tests between the platform and the Spark job share: a generated county screened by the
 * platform's full run, its inputs and the rule file in force exported as Parquet ({@code export-parquet}'s path),
 * screened by the Spark job in local mode in a JVM of its own (Spark and Spring Boot do not share a classpath), the
 * job's hits compared with the county's open warnings, and taken back ({@code import-hits}'s path).
 */
abstract class SparkAgreementSupport {

    private static final Path SPARK =
            Path.of("..", "spark", "target").toAbsolutePath().normalize();

    @Autowired
    ProvinceLoader loader;

    @Autowired
    ScreeningRuns runs;

    @Autowired
    ClusterScreening cluster;

    @Autowired
    RuleBook ruleBook;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @TempDir
    Path temp;

    /** One county screened both ways: the platform's run, the job's hits, and both as evidence by triple. */
    record Agreement(
            LocalDate asOf,
            RunReport report,
            Path hits,
            List<ClusterHit> found,
            Map<String, Figures> spark,
            Map<String, Figures> platform) {}

    /** The evidence figures a hit and a warning must share. */
    record Figures(
            String ruleVersion,
            LocalDate deadline,
            Map<String, Double> parameters,
            Map<String, Object> features,
            Map<String, List<Long>> records) {}

    /** A province administrator of the county, as whom the runs and the import are made. */
    static CurrentUser.AutoCloseableUser actAsAdmin(String county) {
        return CurrentUser.actAs(BulwarkUser.system("spark-test", Role.PROVINCE_ADMIN, county + "000000"));
    }

    /**
     * Generates the county (unless there), screens it with the platform's full run as of today and with the Spark
     * job over its export, and asserts the job's hits are the county's open warnings: the same triples with the same
     * rule versions, deadlines, parameters, feature values and records.
     */
    Agreement screenBothWays(String county, int households) throws IOException, InterruptedException {
        LocalDate asOf = LocalDate.now(clock);
        long present = jdbc.sql("select count(*) from household where village_code like :c")
                .param("c", county + "%")
                .query(Long.class)
                .single();
        if (present == 0) {
            loader.load(
                    new ProvinceLoader.Plan(county, households, 17, GeneratedCounty.RECORDS_PER_PERSON, asOf),
                    line -> {});
        }
        RunReport report = runs.full(county, asOf);
        Path layout = temp.resolve("layout");
        Files.createDirectories(layout);
        Files.writeString(layout.resolve("rules.yaml"), ruleBook.activeText(), StandardCharsets.UTF_8);
        long exportsAudited = exportsAudited(county);
        try (ParquetLayoutWriter writer = new ParquetLayoutWriter(layout, county)) {
            cluster.export(county, null, writer);
        }
        assertThat(exportsAudited(county)).as("the export is audited").isEqualTo(exportsAudited + 1);
        Path hits = temp.resolve("hits");
        screenOnSpark(layout, hits, asOf);

        List<ClusterHit> found = HitsParquetReader.read(hits, county);
        Map<String, Figures> spark = new HashMap<>();
        found.forEach(hit -> spark.put(key(hit), figures(hit)));
        Map<String, Figures> platform = openWarnings(county);
        assertThat(found).hasSize(report.hits());
        assertThat(spark.keySet()).isEqualTo(platform.keySet());
        assertThat(spark).isEqualTo(platform);
        return new Agreement(asOf, report, hits, found, spark, platform);
    }

    private long exportsAudited(String county) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'screening_export' and entity_id = :c"
                        + " and action = 'EXPORT'")
                .param("c", county)
                .query(Long.class)
                .single();
    }

    /** Taken back, the job's hits raise nothing new and leave no open warning unnamed nor changed. */
    void assertImportRaisesNothing(String county, Agreement agreement) {
        ClusterScreening.Imported imported =
                cluster.importHits(county, null, agreement.found(), "spark " + agreement.hits());
        assertThat(imported.run().asOf()).isEqualTo(agreement.asOf());
        assertThat(imported.run().rulesVersion()).isEqualTo(ruleBook.active().version());
        assertThat(imported.run().warningsRaised()).isZero();
        assertThat(imported.unchanged()).isEqualTo(agreement.found().size());
        assertThat(imported.openNotHit()).isZero();
        assertThat(imported.outsideRegion()).isZero();
        assertThat(openWarnings(county)).isEqualTo(agreement.platform());
    }

    /** Runs {@code spark-screen} in local mode from the Spark module's classes, as {@code ./bulwark} runs it. */
    private void screenOnSpark(Path layout, Path hits, LocalDate asOf) throws IOException, InterruptedException {
        Path classpath = SPARK.resolve("spark-run-classpath.txt");
        assertThat(classpath)
                .as("the Spark module is built before bench (./mvnw test builds it; alone: ./mvnw -pl spark "
                        + "process-classes)")
                .exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-Djdk.reflect.useDirectMethodHandle=false",
                "-Dio.netty.tryReflectionSetAccessible=true"));
        for (String open : List.of(
                "java.lang",
                "java.lang.invoke",
                "java.lang.reflect",
                "java.io",
                "java.net",
                "java.nio",
                "java.util",
                "java.util.concurrent",
                "java.util.concurrent.atomic",
                "jdk.internal.ref",
                "sun.nio.ch",
                "sun.nio.cs",
                "sun.security.action",
                "sun.util.calendar")) {
            command.add("--add-opens=java.base/" + open + "=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-cp",
                SPARK.resolve("classes")
                        + java.io.File.pathSeparator
                        + Files.readString(classpath).strip(),
                "org.bulwark.spark.SparkCli",
                "spark-screen",
                "--master",
                "local[2]",
                "--input",
                layout.toString(),
                "--output",
                hits.toString(),
                "--rules",
                layout.resolve("rules.yaml").toString(),
                "--as-of",
                asOf.toString(),
                "--partitions",
                "4",
                "--batch",
                "40"));
        Path log = temp.resolve("spark.log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("spark-screen failed:%n%s", Files.readString(log))
                .isTrue();
    }

    static String key(ClusterHit hit) {
        return (hit.householdId() != null ? "household " + hit.householdId() : "person " + hit.idNumber()) + " "
                + hit.ruleId() + " " + hit.level();
    }

    private static Figures figures(ClusterHit hit) {
        Map<String, Object> features = new LinkedHashMap<>();
        hit.features().forEach((name, text) -> features.put(name, value(text)));
        Map<String, List<Long>> records = new LinkedHashMap<>();
        hit.records()
                .forEach((feature, ids) -> records.put(
                        feature, java.util.Arrays.stream(ids).boxed().toList()));
        return new Figures(hit.ruleVersion(), hit.deadline(), hit.parameters(), features, records);
    }

    /** A feature's text as the engine's value: a truth value, a number, or a household category's name. */
    private static Object value(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The county's open warnings by (subject, rule, level), with their evidence as stored. */
    Map<String, Figures> openWarnings(String county) {
        Map<String, Figures> warnings = new HashMap<>();
        jdbc.sql("select household_id, id_number, rule_id, level, rule_version, deadline, evidence::text "
                        + "from warning where status = 'OPEN' and village_code like :c")
                .param("c", county + "%")
                .query((rs, n) -> {
                    Long household = rs.getObject(1, Long.class);
                    String key = (household != null ? "household " + household : "person " + rs.getString(2)) + " "
                            + rs.getString(3) + " " + rs.getString(4);
                    warnings.put(
                            key,
                            figures(rs.getString(5), rs.getObject(6, LocalDate.class), json.readTree(rs.getString(7))));
                    return null;
                })
                .list();
        return warnings;
    }

    private static Figures figures(String ruleVersion, LocalDate deadline, JsonNode evidence) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        evidence.get("parameters")
                .properties()
                .forEach(e -> parameters.put(e.getKey(), e.getValue().asDouble()));
        Map<String, Object> features = new LinkedHashMap<>();
        evidence.get("features").properties().forEach(e -> features.put(e.getKey(), json(e.getValue())));
        Map<String, List<Long>> records = new LinkedHashMap<>();
        evidence.get("records").properties().forEach(e -> {
            List<Long> ids = new ArrayList<>();
            e.getValue().get("recordIds").forEach(id -> ids.add(id.asLong()));
            records.put(e.getKey(), ids);
        });
        return new Figures(ruleVersion, deadline, parameters, features, records);
    }

    private static Object json(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNumber() ? (Object) value.asDouble() : value.asString();
    }
}
