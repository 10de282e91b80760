package org.bulwark.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.core.industry.CollectiveIncomeSource;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.Industry;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.industry.BenefitLinkInput;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.industry.CollectiveIncomeInput;
import org.bulwark.industry.CollectiveIncomes;
import org.bulwark.industry.Project;
import org.bulwark.industry.ProjectInput;
import org.bulwark.industry.Projects;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's industries, deterministic from the seed and recorded through the industry module as county staff would:
 * one project per township (a kind and industry in turn, run from its township), linking about a fifth of the
 * formerly-poor and monitored households of its villages and a few ordinary ones, paid last year and this year; the
 * last township's project failed this year, so that the industry-failure list has households on it; and every
 * village collective's income of both years from operations and asset rent.
 */
@Component
class DemoIndustries {

    /** Outcome: projects, links and collective incomes recorded. */
    record Outcome(int projects, int links, int collectiveIncomes) {}

    private static final EntityKind[] KINDS = EntityKind.values();
    private static final Industry[] INDUSTRIES = {
        Industry.PLANTING, Industry.LIVESTOCK, Industry.PROCESSING, Industry.TOURISM, Industry.PROCESSING
    };
    private static final String[] NAMES = {"蔬菜产业龙头企业", "肉牛养殖合作社", "茶叶家庭农场", "扶贫帮扶车间", "乡村旅游点"};
    private static final BenefitKind[] WAYS = {
        BenefitKind.WAGES, BenefitKind.LAND_RENT, BenefitKind.DIVIDEND, BenefitKind.CONTRACT_PURCHASE, BenefitKind.WAGES
    };

    private final Projects projects;
    private final BenefitLinks links;
    private final CollectiveIncomes collective;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoIndustries(
            Projects projects,
            BenefitLinks links,
            CollectiveIncomes collective,
            Regions regions,
            JdbcClient jdbc,
            Clock clock) {
        this.projects = projects;
        this.links = links;
        this.collective = collective;
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Outcome seed(String county, long seed) {
        Random random = new Random(seed ^ 0x16);
        int year = LocalDate.now(clock).getYear();
        var system = BulwarkUser.system("demo-seed", Role.COUNTY_APPROVER, county + "000000");
        try (var acting = CurrentUser.actAs(system)) {
            List<Region> townships = regions.children(county + "000000");
            List<BenefitLinkInput> inputs = new ArrayList<>();
            Project last = null;
            for (int i = 0; i < townships.size(); i++) {
                last = projects.create(project(townships.get(i), i, random));
                link(last, townships.get(i), i, year, random, inputs);
            }
            // one change for the whole seed: screening gets one batch of snapshots, not one per link
            int linked = links.recordAll(inputs).size();
            if (last != null) {
                fail(last, year);
            }
            int incomes = collectiveIncomes(county, year, random);
            return new Outcome(townships.size(), linked, incomes);
        }
    }

    private static ProjectInput project(Region township, int i, Random random) {
        BigDecimal funds = BigDecimal.valueOf(500_000L + random.nextInt(20) * 100_000L);
        return new ProjectInput(
                KINDS[i % KINDS.length].name(),
                township.name() + NAMES[i % NAMES.length],
                township.code(),
                INDUSTRIES[i % INDUSTRIES.length].name(),
                "ASSISTANCE_FUNDS",
                funds,
                funds.multiply(BigDecimal.valueOf(2)),
                funds.multiply(BigDecimal.valueOf(3)),
                null,
                null,
                0);
    }

    /** Links last year's and this year's payments; about one household in five that has been poor or monitored. */
    private void link(Project project, Region township, int i, int year, Random random, List<BenefitLinkInput> inputs) {
        BenefitKind way = WAYS[i % WAYS.length];
        for (long household : households(township.code().substring(0, 9))) {
            boolean poorOrMonitored = household > 0;
            if (random.nextInt(poorOrMonitored ? 5 : 50) != 0) {
                continue;
            }
            long id = Math.abs(household);
            for (int y = year - 1; y <= year; y++) {
                // one in eight households of a running project is paid nothing this year (at risk)
                if (y == year && random.nextInt(8) == 0) {
                    continue;
                }
                BigDecimal amount = BigDecimal.valueOf(300 + random.nextInt(60) * 100L);
                inputs.add(new BenefitLinkInput(project.id(), id, null, way.name(), y, amount));
            }
        }
    }

    /** The township's households by id, negative for ordinary ones (one query, no registry tables but its view). */
    private List<Long> households(String townshipPrefix) {
        return jdbc.sql("""
                select case when category = 'ORDINARY' then -id else id end
                from registry_household where village_code like :p order by id
                """).param("p", townshipPrefix + "%").query(Long.class).list();
    }

    private void fail(Project project, int year) {
        projects.update(
                project.id(),
                new ProjectInput(
                        project.kind().name(),
                        project.name(),
                        project.regionCode(),
                        project.industry().name(),
                        project.fundingSource().name(),
                        project.assistanceFunds(),
                        project.investment(),
                        project.annualOutput(),
                        "FAILED",
                        year,
                        project.version()));
    }

    private int collectiveIncomes(String county, int year, Random random) {
        List<CollectiveIncomeInput> inputs = new ArrayList<>();
        for (Region village : regions.villagesUnder(county, 5_000)) {
            for (int y = year - 1; y <= year; y++) {
                inputs.add(income(village, y, CollectiveIncomeSource.OPERATIONS, 20_000 + random.nextInt(80) * 1_000));
                inputs.add(income(village, y, CollectiveIncomeSource.ASSET_RENT, random.nextInt(30) * 1_000));
            }
        }
        inputs.forEach(collective::record);
        return inputs.size();
    }

    private static CollectiveIncomeInput income(Region village, int year, CollectiveIncomeSource source, long yuan) {
        return new CollectiveIncomeInput(village.code(), year, source.name(), BigDecimal.valueOf(yuan));
    }
}
