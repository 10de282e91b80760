package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: its SQL — the Java sources' string literals and the {@code .sql} resources under its
 * package — names only tables it owns. Another module's data is read through that module's public API: its Java API
 * (which may run the SQL itself, as exchange's {@code DepartmentRecordFeed} does for the screening store's bulk copy)
 * or, inside another module's own statement, the views the owner publishes (V36), which others may read but not
 * write.
 *
 * <p>The ownership map is {@link #OWNERS} and {@link #PUBLISHED}: every table and view the Flyway migrations create
 * has exactly one owner.
 */
class TableOwnershipTest {

    /** Every table of the migrations, by the module that owns it: the one place ownership is written down. */
    static final Map<String, List<String>> OWNERS = Map.ofEntries(
            Map.entry("region", List.of("region")),
            Map.entry(
                    "identity",
                    List.of("app_user", "user_second_factor", "user_recovery_code", "personal_access_token")),
            Map.entry("audit", List.of("audit_log")),
            Map.entry("registry", List.of("household", "person")),
            Map.entry("income", List.of("household_income")),
            Map.entry(
                    "exchange",
                    List.of(
                            "exchange_batch",
                            "exchange_rejected_row",
                            "department_record",
                            "department_record_shared",
                            "department_record_hashes")),
            Map.entry(
                    "screening",
                    List.of(
                            "screening_run",
                            "warning",
                            "warning_change",
                            "screening_store_identity",
                            "screening_registry_change")),
            Map.entry(
                    "casework",
                    List.of(
                            "declaration",
                            "support_case",
                            "case_step",
                            "case_attachment",
                            "case_warning",
                            "village_review_meeting",
                            "monitoring",
                            "monitoring_event",
                            "helper_assignment",
                            "plan_measure",
                            "visit",
                            "roster_import",
                            "roster_household",
                            "helper_person")),
            // the event publication registry (Spring Modulith's table) serves every module from platform
            Map.entry("platform", List.of("screening_input_change", "event_publication")),
            // the demo seeding's marker; the tools (demo/ and bench/ Maven modules, not in the platform's jar) load
            // and measure every module's tables directly, so their sources are not read here
            Map.entry("demo", List.of("seed_marker")),
            Map.entry("onboarding", List.of("registry_import", "registry_import_household")),
            Map.entry(
                    "employment",
                    List.of(
                            "employer",
                            "posting",
                            "labourer",
                            "labourer_history",
                            "referral",
                            "referral_history",
                            "welfare_post",
                            "welfare_post_holder",
                            "welfare_post_holder_history")),
            Map.entry("village", List.of("village_condition")),
            // the counter of changes the dashboards' figures are kept by (V87)
            Map.entry("statistics", List.of("figure_data_version", "figure_data_pending")),
            Map.entry("safetynet", List.of("safety_net_standard", "safety_net_recipient")),
            Map.entry("industry", List.of("industry_project", "benefit_link", "collective_income")));

    /** The views a module publishes for other modules' SQL, by the module that owns them. */
    static final Map<String, List<String>> PUBLISHED = Map.of(
            "registry",
            List.of("registry_household", "registry_person", "registry_person_work", "registry_person_cover"),
            "income",
            List.of("income_net_income"),
            "region",
            List.of("region_name"));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/bulwark");
    private static final Path RESOURCES = Path.of("src/main/resources");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)");

    /** A relation written to: inserted into, updated, deleted from, copied into or truncated. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+(?:only\\s+)?(\\w+)"
                    + "|\\bcopy\\s+(\\w+)(?:\\s*\\([^)]*\\))?\\s+from\\b");

    /** A table named where SQL names one: after from, join, into, update, copy, table, truncate, or in a list. */
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|copy|table|truncate)\\s+(?:only\\s+)?(\\w+)");

    @Test
    void everyTableOfTheMigrationsHasOneOwner() {
        Set<String> created = created(CREATE_TABLE);
        Map<String, String> owners = owners(OWNERS);
        assertThat(created)
                .as("tables the migrations create without an owner in OWNERS")
                .allMatch(owners::containsKey);
        assertThat(owners.keySet())
                .as("tables in OWNERS that no migration creates")
                .allMatch(created::contains);
    }

    @Test
    void everyViewOfTheMigrationsIsPublishedByOneOwner() {
        Set<String> created = created(CREATE_VIEW);
        Map<String, String> owners = owners(PUBLISHED);
        assertThat(created)
                .as("views the migrations create without an owner in PUBLISHED")
                .allMatch(owners::containsKey);
        assertThat(owners.keySet())
                .as("views in PUBLISHED that no migration creates")
                .allMatch(created::contains);
        assertThat(owners.keySet()).as("views that are also in OWNERS").noneMatch(owners(OWNERS)::containsKey);
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTablesAndReadsOthersOnlyThroughTheirViews() {
        Map<String, String> tables = owners(OWNERS);
        Map<String, String> views = owners(PUBLISHED);
        List<String> foreign = new ArrayList<>();
        for (Path module : modules()) {
            String name = module.getFileName().toString();
            for (SqlText sql : sqlOf(name)) {
                for (String table : tablesNamed(sql.text())) {
                    String owner = tables.get(table);
                    if (owner != null && !owner.equals(name)) {
                        foreign.add(name + " names " + owner + "'s table " + table + " in " + sql.file());
                    }
                }
                for (String view : written(sql.text())) {
                    String owner = views.get(view);
                    if (owner != null && !owner.equals(name)) {
                        foreign.add(name + " writes " + owner + "'s view " + view + " in " + sql.file());
                    }
                }
            }
        }
        assertThat(foreign)
                .as("SQL naming another module's table or writing its view")
                .isEmpty();
    }

    @Test
    void findsTheTablesThatSqlNames() {
        // the test's own reader: a join, a comma list, a copy, and words that only look like tables
        assertThat(tablesNamed("select 1 from warning w join household h on h.id = w.household_id"))
                .containsExactlyInAnyOrder("warning", "household");
        assertThat(tablesNamed("lock table household, person in exclusive mode"))
                .containsExactlyInAnyOrder("household", "person");
        assertThat(tablesNamed("copy (select id from person) to stdout")).containsExactly("person");
        assertThat(tablesNamed("select w.household_id from x -- by the household's warning"))
                .containsExactly("x");
        assertThat(written("update registry_person set name = 'x'")).containsExactly("registry_person");
        assertThat(written("copy household (id, village_code) from stdin")).containsExactly("household");
        assertThat(written("copy (select id from registry_household) to stdout"))
                .isEmpty();
        assertThat(javaStrings("String s = \"from a\"; /* \"from b\" */ String t = \"\"\"\n  from c\n  \"\"\";"
                        + " char q = '\"'; // \"from d\""))
                .containsExactly("from a", "  from c\n  ");
    }

    private static Map<String, String> owners(Map<String, List<String>> map) {
        Map<String, String> owners = new TreeMap<>();
        map.forEach((module, tables) -> tables.forEach(t -> {
            String before = owners.put(t, module);
            assertThat(before).as("second owner of " + t).isNull();
        }));
        return owners;
    }

    /** A relation a later migration dropped: it no longer exists, so it needs no owner. */
    private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

    private static Set<String> created(Pattern create) {
        Set<String> relations = new TreeSet<>();
        // in the order Flyway runs them, so that a relation dropped and created again exists
        List<Path> migrations = new ArrayList<>(files(MIGRATIONS, ".sql"));
        migrations.sort(java.util.Comparator.comparing(TableOwnershipTest::version));
        for (Path file : migrations) {
            String sql = withoutComments(read(file));
            Matcher d = DROP.matcher(sql);
            while (d.find()) {
                relations.remove(d.group(1).toLowerCase());
            }
            Matcher m = create.matcher(sql);
            while (m.find()) {
                relations.add(m.group(1).toLowerCase());
            }
        }
        assertThat(relations)
                .as("relations created by the migrations: " + create)
                .isNotEmpty();
        return relations;
    }

    /** A migration's version (V34_1 is 34.1) as a comparable number. */
    private static java.math.BigDecimal version(Path file) {
        Matcher m = Pattern.compile("^V(\\d+)(?:_(\\d+))?__")
                .matcher(file.getFileName().toString());
        if (!m.find()) {
            return java.math.BigDecimal.ZERO;
        }
        return new java.math.BigDecimal(m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)));
    }

    static Set<String> written(String sql) {
        Set<String> relations = new TreeSet<>();
        Matcher m = WRITE.matcher(withoutComments(sql));
        while (m.find()) {
            relations.add((m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase());
        }
        return relations;
    }

    private static List<Path> modules() {
        try (Stream<Path> children = Files.list(SOURCES)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record SqlText(Path file, String text) {}

    /** The module's SQL: its Java sources' string literals, and the .sql files of its resource folder. */
    private static List<SqlText> sqlOf(String module) {
        List<SqlText> sql = new ArrayList<>();
        for (Path file : files(SOURCES.resolve(module), ".java")) {
            javaStrings(read(file)).forEach(s -> sql.add(new SqlText(file, s)));
        }
        for (Path file : files(RESOURCES.resolve(module), ".sql")) {
            sql.add(new SqlText(file, read(file)));
        }
        return sql;
    }

    static Set<String> tablesNamed(String sql) {
        Set<String> tables = new TreeSet<>();
        String text = withoutComments(sql);
        Matcher m = TABLE_REFERENCE.matcher(text);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase());
            // "from a x, b y" and "lock table a, b": the names after commas in the same list
            Matcher list = Pattern.compile("\\G(?:\\s+(?!on\\b|where\\b|in\\b|join\\b)\\w+)?\\s*,\\s*(\\w+)")
                    .matcher(text)
                    .region(m.end(), text.length());
            while (list.find()) {
                tables.add(list.group(1).toLowerCase());
            }
        }
        return tables;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    /** The string literals and text blocks of a Java source, outside comments and char literals. */
    static List<String> javaStrings(String source) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i));
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2)) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int close = source.indexOf("\"\"\"", start);
                strings.add(source.substring(start, close));
                i = close + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder s = new StringBuilder();
                while (source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    s.append(source.charAt(j++));
                }
                if (c == '"') {
                    strings.add(s.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return strings;
    }

    private static int end(int index) {
        return index < 0 ? Integer.MAX_VALUE - 2 : index;
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
