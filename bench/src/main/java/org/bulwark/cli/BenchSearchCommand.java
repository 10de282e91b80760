package org.bulwark.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.demo.RegistryGeneration;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.database.DatabaseServer;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.Registry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark bench-search}: household search latency through the registry service (scope, SQL, mapping) on a
 * database holding a large generated county; prints p50 and p95 per kind of query. Single user, warm.
 */
@Command(
        name = "bench-search",
        mixinStandardHelpOptions = true,
        description = "Benchmark household search (full identity number, last digits, name, household number) on a "
                + "generated county; generates it first if the county has fewer persons than --persons.")
public class BenchSearchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = "--county",
            defaultValue = "522326",
            description = "county to fill and search (default: ${DEFAULT-VALUE}, Wangmo)")
    String county;

    @Option(
            names = "--persons",
            defaultValue = "1000000",
            description = "persons the county should hold (default: ${DEFAULT-VALUE})")
    long persons;

    @Option(names = "--queries", defaultValue = "400", description = "queries per kind (default: ${DEFAULT-VALUE})")
    int queries;

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String like = county + "%";
            long have = personsIn(jdbc, like);
            if (have < persons) {
                int households = (int) Math.ceil((persons - have) / 3.43);
                System.out.printf("generating about %d households into county %s ...%n", households, county);
                long t = System.nanoTime();
                RegistryGeneration.Outcome o =
                        context.getBean(RegistryGeneration.class).generate(county, households, 7 + have, null, true);
                System.out.printf(
                        "generated %d households, %d persons in %.1f s%n",
                        o.households(), o.persons(), (System.nanoTime() - t) / 1e9);
                jdbc.sql("analyze").update();
                have = personsIn(jdbc, like);
            }
            long total =
                    jdbc.sql("select count(*) from person").query(Long.class).single();
            SplittableRandom random = new SplittableRandom(42);
            List<String[]> sample = jdbc.sql("""
                    select p.id_number, p.name, h.household_number from person p join household h on h.id = p.household_id
                    where h.village_code like :c order by p.id limit 20000
                    """)
                    .param("c", like)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            CurrentUser.actAs(BulwarkUser.system("bench", Role.COUNTY_APPROVER, county + "000000"));
            Registry registry = context.getBean(Registry.class);
            System.out.printf(
                    "database: %s; persons in database: %d; in county %s: %d%n",
                    context.getBean(DatabaseServer.class).isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL server",
                    total,
                    county,
                    have);
            measure("full identity number", registry, sample, random, s -> s[0]);
            measure("last 6 digits of identity number", registry, sample, random, s -> s[0].substring(12));
            measure("name (full)", registry, sample, random, s -> s[1]);
            measure(
                    "name (surname + first character)",
                    registry,
                    sample,
                    random,
                    s -> s[1].substring(0, Math.min(2, s[1].length())));
            measure("household number", registry, sample, random, s -> s[2]);
            return 0;
        }
    }

    private static long personsIn(JdbcClient jdbc, String like) {
        return jdbc.sql("select count(*) from person p join household h on h.id = p.household_id "
                        + "where h.village_code like :c")
                .param("c", like)
                .query(Long.class)
                .single();
    }

    private void measure(
            String kind,
            Registry registry,
            List<String[]> sample,
            SplittableRandom random,
            Function<String[], String> term) {
        for (int i = 0; i < 50; i++) {
            registry.search(
                    new HouseholdSearch(term.apply(sample.get(random.nextInt(sample.size()))), null, null, 0, 20));
        }
        long[] nanos = new long[queries];
        int hits = 0;
        for (int i = 0; i < queries; i++) {
            String q = term.apply(sample.get(random.nextInt(sample.size())));
            long t = System.nanoTime();
            hits += registry.search(new HouseholdSearch(q, null, null, 0, 20))
                    .items()
                    .size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-36s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%d queries, %.1f rows each)%n",
                kind,
                nanos[queries / 2] / 1e6,
                nanos[(int) (queries * 0.95)] / 1e6,
                nanos[queries - 1] / 1e6,
                queries,
                hits / (double) queries);
    }
}
