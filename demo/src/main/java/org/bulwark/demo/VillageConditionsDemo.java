package org.bulwark.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bulwark.core.village.Indicator;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.UserAccounts;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.village.VillageConditionImport;
import org.springframework.stereotype.Component;

/**
 * The demo's village conditions: every village of the county for the last two years, imported as the county would
 * send them (one file, Chinese headers). Values are drawn per village from the seed, so every demo gets the same;
 * most villages have most things, as the national figures say (docs/policy.md §9), and a few are short of some — 5G,
 * elder care and clinics most often — and some catch up the second year.
 */
@Component
class VillageConditionsDemo {

    /** The chance that a village short of something the first year has it the second. */
    static final double CATCH_UP = 0.4;

    private final Regions regions;
    private final IndicatorCatalogue catalogue;
    private final VillageConditionImport imports;
    private final Clock clock;
    private final UserAccounts accounts;

    VillageConditionsDemo(
            Regions regions,
            IndicatorCatalogue catalogue,
            VillageConditionImport imports,
            Clock clock,
            UserAccounts accounts) {
        this.accounts = accounts;
        this.regions = regions;
        this.catalogue = catalogue;
        this.imports = imports;
        this.clock = clock;
    }

    /**
     * Imports the county's villages' last two years as the county's demo user, so that pages say who entered them;
     * returns how many villages' years were stored.
     */
    int seed(String county, long seed, String countyUser) {
        int lastYear = LocalDate.now(clock).getYear() - 1;
        List<Region> villages = regions.villagesUnder(county, 10_000);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(
                ",", catalogue.template().fields().stream().map(f -> f.label()).toList()));
        for (Region village : villages) {
            Random random = new Random(seed ^ Long.parseLong(village.code()));
            boolean[] had = new boolean[catalogue.indicators().size()];
            double toilets = 45 + random.nextInt(40);
            lines.add(line(village, lastYear - 1, random, had, toilets, false));
            lines.add(line(village, lastYear, random, had, Math.min(100, toilets + 3 + random.nextInt(6)), true));
        }
        return run(countyUser, lines);
    }

    /** One village's year; the second year keeps what the first had and may gain what it lacked. */
    private String line(Region village, int year, Random random, boolean[] had, double toilets, boolean second) {
        List<String> cells = new ArrayList<>(List.of(village.code(), "", String.valueOf(year)));
        List<Indicator> indicators = catalogue.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            if (!indicator.yesNo()) {
                cells.add(String.format(Locale.ROOT, "%.1f", toilets));
                continue;
            }
            // a village short of it the first year has caught up the second with a chance of 2 in 5
            double chance = second ? CATCH_UP : coverage(indicator.code());
            had[i] = had[i] || random.nextDouble() < chance;
            cells.add(had[i] ? "是" : "否");
        }
        return String.join(",", cells);
    }

    /** The share of villages that have an indicator in the first year: roads and power nearly all, 5G fewer. */
    private static double coverage(String code) {
        return switch (code) {
            case "paved_road", "electricity" -> 0.98;
            case "coverage_5g" -> 0.82;
            case "elder_care" -> 0.7;
            case "clinic", "courier" -> 0.9;
            default -> 0.94;
        };
    }

    private int run(String countyUser, List<String> lines) {
        BulwarkUser county = accounts.find(countyUser).orElseThrow();
        try (var acting = CurrentUser.actAs(county)) {
            Path file = Files.createTempFile("bulwark-demo-villages", ".csv");
            try {
                Files.write(file, lines, StandardCharsets.UTF_8);
                VillageConditionImport.Outcome outcome = imports.run(file, "村级基础设施和公共服务.csv");
                if (!outcome.accepted()) {
                    throw new IllegalStateException("demo village conditions refused: " + outcome.refusals());
                }
                return outcome.stored();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
