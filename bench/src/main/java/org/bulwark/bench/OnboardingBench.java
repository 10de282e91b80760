package org.bulwark.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Times what a county's onboarding import costs the next full screening (issue 18: "after a 100,000-household
 * registry import, the next full run ≤ 10 s including its catch-up"): a full run with the store current and nothing
 * new, the import through the registry's bulk API, the next full run (which catches the store up with the import),
 * and one more with nothing new. Checks that the import's households, and only they, brought new warnings.
 */
@Component
public class OnboardingBench {

    private final RegistryOnboarding onboarding;
    private final ScreeningRuns runs;
    private final JdbcClient jdbc;

    OnboardingBench(RegistryOnboarding onboarding, ScreeningRuns runs, JdbcClient jdbc) {
        this.onboarding = onboarding;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    /**
     * The three runs around the import.
     *
     * @param before     the run before the import, nothing new
     * @param next       the first run after it, catch-up included
     * @param after      the run after that, nothing new
     * @param consistent whether the warnings changed exactly as the import explains
     */
    public record Outcome(
            RegistryOnboarding.Imported imported,
            RunReport before,
            RunReport next,
            RunReport after,
            boolean consistent) {}

    /** Imports {@code households} new households into {@code county} of {@code region} and times the runs around. */
    public Outcome run(String region, String county, int households, long seed, LocalDate asOf, PrintStream out) {
        RunReport before = timed("before the import (store current)", region, asOf, out);
        Set<String> openBefore = ScreeningBench.openWarnings(jdbc, region);
        RegistryOnboarding.Imported imported = onboarding.onboard(county, households, seed, asOf);
        out.printf(
                "onboarding import into %s through the registry's bulk API: %,d households, %,d persons, %,d incomes "
                        + "in %.2f s (registry %.2f s, incomes %.2f s; one transaction, commit included); "
                        + "generated and checked against the registry's holdings in %.1f s, not timed (%,d identity "
                        + "numbers issued anew)%n",
                county,
                imported.householdIds().size(),
                imported.persons(),
                imported.incomes(),
                imported.seconds(),
                imported.registrySeconds(),
                imported.incomeSeconds(),
                imported.prepareSeconds(),
                imported.reissued());
        RunReport next = timed("next after the import (catch-up included)", region, asOf, out);
        Set<String> openNext = ScreeningBench.openWarnings(jdbc, region);
        RunReport after = timed("after that (nothing new)", region, asOf, out);
        boolean consistent = check(imported, before, next, after, openBefore, openNext, out);
        return new Outcome(imported, before, next, after, consistent);
    }

    private RunReport timed(String label, String region, LocalDate asOf, PrintStream out) {
        long started = System.nanoTime();
        RunReport report = runs.full(region, asOf);
        out.printf(
                "onboarding, run %s: platform full screening %.2f s (load %d ms, screen %d ms, store %d ms; "
                        + "%,d households, %,d hits, %,d new warnings)%n",
                label,
                (System.nanoTime() - started) / 1e9,
                report.loadMs(),
                report.screenMs(),
                report.storeMs(),
                report.households(),
                report.hits(),
                report.warningsRaised());
        return report;
    }

    /**
     * The next run screened the import's households besides the others, kept every open warning and added exactly the
     * warnings it raised, all of them the import's households'; the run after found the same hits and raised nothing.
     */
    private boolean check(
            RegistryOnboarding.Imported imported,
            RunReport before,
            RunReport next,
            RunReport after,
            Set<String> openBefore,
            Set<String> openNext,
            PrintStream out) {
        Set<String> added = new HashSet<>(openNext);
        added.removeAll(openBefore);
        long inImport = jdbc.sql("select count(*) from warning where status = 'OPEN' and household_id = any(:ids)")
                .param("ids", imported.householdIds().toArray(Long[]::new))
                .query(Long.class)
                .single();
        boolean consistent = next.households()
                        == before.households() + imported.householdIds().size()
                && openNext.containsAll(openBefore)
                && added.size() == next.warningsRaised()
                && inImport == added.size()
                && next.hits() == before.hits() + next.warningsRaised()
                && after.hits() == next.hits()
                && after.warningsRaised() == 0;
        out.printf(
                "    onboarding %s: %,d households screened more, %,d open warnings kept, %,d added (%,d of them on "
                        + "the imported households), hits %,d → %,d → %,d%n",
                consistent ? "checked" : "INCONSISTENT",
                next.households() - before.households(),
                openBefore.stream().filter(openNext::contains).count(),
                added.size(),
                inImport,
                before.hits(),
                next.hits(),
                after.hits());
        return consistent;
    }
}
