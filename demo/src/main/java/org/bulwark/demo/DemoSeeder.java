package org.bulwark.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.bulwark.employment.LabourRegistryRefresh;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.industry.BenefitLinksChanged;
import org.bulwark.platform.DurableEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Seeds the demo once: users of every role over Qinglong County (Guizhou) and a generated registry of the county.
 * It runs once the beans exist and before the web server starts. A marker row makes a second start skip it; the whole seed is one transaction, so a start killed half-way
 * leaves nothing behind and the next start seeds again.
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo.enabled", havingValue = "true")
class DemoSeeder implements SmartInitializingSingleton {

    static final String MARKER = "demo-qinglong-v1";
    static final String VILLAGE_MARKER = "demo-village-conditions-v1";
    static final String WELFARE_MARKER = "demo-welfare-jobs-v1";
    static final String EMPLOYMENT_MARKER = "demo-employment-v1";
    static final String COUNTY = "522324";
    static final String PASSWORD = "Bulwark@2026";
    static final String FEED_TOWNSHIP = "522324101";
    /** The households the demo generates by default, for which Qinglong's reported casework figures are the targets. */
    static final int QINGLONG_HOUSEHOLDS = 8000;

    private static final Duration FEED_SCREENING_LIMIT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    /** The demo users: username, name, role, region. */
    record DemoUser(String username, String displayName, Role role, String regionCode) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("cadre", "罗村干（保家村）", Role.VILLAGE_CADRE, "522324101209"),
            new DemoUser("cadre2", "杨村干（兴合村）", Role.VILLAGE_CADRE, "522324101210"),
            new DemoUser("helper", "王帮扶（保家村）", Role.HELPER, "522324101209"),
            new DemoUser("township", "陈审核（沙子镇）", Role.TOWNSHIP_REVIEWER, "522324101000"),
            new DemoUser("county", "李审批（晴隆县）", Role.COUNTY_APPROVER, "522324000000"),
            new DemoUser("officer", "张数据（晴隆县医保局）", Role.DEPARTMENT_OFFICER, "522324000000"),
            new DemoUser("employment", "黄就业（晴隆县人社局就业服务）", Role.EMPLOYMENT_OFFICER, "522324000000"),
            new DemoUser("prefecture", "赵管理（黔西南州）", Role.PREFECTURE_ADMIN, "522300000000"),
            new DemoUser("province", "刘管理（贵州省）", Role.PROVINCE_ADMIN, "520000000000"),
            new DemoUser("leader", "周领导（贵州省）", Role.LEADER, "520000000000"),
            // the separation of duties: accounts, roles and scopes, the audit log, each in other hands
            new DemoUser("sysadmin", "孙系统（贵州省系统管理员）", Role.SYSTEM_ADMIN, "520000000000"),
            new DemoUser("secadmin", "吴安全（贵州省安全管理员）", Role.SECURITY_ADMIN, "520000000000"),
            new DemoUser("auditor", "郑审计（贵州省审计管理员）", Role.AUDIT_ADMIN, "520000000000"));

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final RegistryGeneration generation;
    private final DepartmentDataImport imports;
    private final TransactionTemplate transaction;
    private final int households;
    private final long seed;
    private final CaseworkHistory casework;
    private final CaseworkHistory.Targets targets;
    private final DurableEvents events;
    private final LabourRegistryRefresh labourRegistry;
    private final VillageConditionsDemo villages;
    private final DemoIndustries industries;
    private final DemoWelfareJobs welfareJobs;
    private final DemoEmployment employment;

    DemoSeeder(
            JdbcClient jdbc,
            UserAccounts accounts,
            RegistryGeneration generation,
            DepartmentDataImport imports,
            TransactionTemplate transaction,
            @Value("${bulwark.demo.households:8000}") int households,
            @Value("${bulwark.demo.seed:20261129}") long seed,
            CaseworkHistory casework,
            @Value("${bulwark.demo.identified-households:#{null}}") Integer identifiedHouseholds,
            @Value("${bulwark.demo.identified-persons:#{null}}") Integer identifiedPersons,
            @Value("${bulwark.demo.eliminated-households:#{null}}") Integer eliminatedHouseholds,
            @Value("${bulwark.demo.eliminated-persons:#{null}}") Integer eliminatedPersons,
            DurableEvents events,
            LabourRegistryRefresh labourRegistry,
            VillageConditionsDemo villages,
            DemoIndustries industries,
            DemoWelfareJobs welfareJobs,
            DemoEmployment employment) {
        this.welfareJobs = welfareJobs;
        this.employment = employment;
        this.labourRegistry = labourRegistry;
        this.villages = villages;
        this.industries = industries;
        this.casework = casework;
        this.events = events;
        // Qinglong's reported figures belong to its 8,000 generated households; a smaller demo gets its share
        double share = Math.min(1.0, households / (double) QINGLONG_HOUSEHOLDS);
        this.targets = new CaseworkHistory.Targets(
                identifiedHouseholds != null ? identifiedHouseholds : (int) Math.round(1421 * share),
                identifiedPersons != null ? identifiedPersons : (int) Math.round(5882 * share),
                eliminatedHouseholds != null ? eliminatedHouseholds : (int) Math.round(909 * share),
                eliminatedPersons != null ? eliminatedPersons : (int) Math.round(3816 * share));
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.generation = generation;
        this.imports = imports;
        this.transaction = transaction;
        this.households = households;
        this.seed = seed;
    }

    /** Seeds before the web server opens, so nobody signs in to a half-seeded demo. */
    /**
     * Department data for the demo users' township (沙子镇), imported through the real exchange as the county's
     * data office would; each batch's screening then raises the demo's warnings once the seed commits.
     */
    private void importDemoFeeds() {
        Path folder;
        try {
            folder = Files.createTempDirectory("bulwark-demo-feeds");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            generation.writeFeeds(COUNTY, households, seed, FEED_TOWNSHIP, 4, folder);
            var system = BulwarkUser.system("demo-seed", Role.COUNTY_APPROVER, COUNTY + "000000");
            try (var files = Files.list(folder);
                    var acting = CurrentUser.actAs(system)) {
                for (Path file : files.sorted().toList()) {
                    String category = file.getFileName().toString().replace(".csv", "");
                    imports.run(
                            new ImportRequest(category, file, file.getFileName().toString(), FileFormat.CSV, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (seed()) {
            awaitFeedWarnings();
        }
    }

    /**
     * The batches' re-screenings follow the seed's commit on other threads (durable listeners): the web server opens
     * once they raised the demo's first warnings. Should they take too long, the platform opens anyway and they go on.
     */
    private void awaitFeedWarnings() {
        long started = System.nanoTime();
        // the industry links reach screening as batches of their own, which exist only once their feed has run
        boolean done = events.awaitCompletion(BenefitLinksChanged.class, change -> true, FEED_SCREENING_LIMIT)
                && events.awaitCompletion(BatchStored.class, batch -> true, FEED_SCREENING_LIMIT);
        log.info(
                "Demo department data {} in {} ms",
                done ? "re-screened" : "not all re-screened (what is left or failed runs again at the next start)",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void refreshLabourRegistry() {
        LabourRegistryRefresh.Outcome labour =
                labourRegistry.region(RegionCode.parse(COUNTY), LabourRegistryRefresh.SYSTEM_NAME);
        log.info(
                "Demo labour registry: {} labourers added, {} changed, {} removed",
                labour.added(),
                labour.changed(),
                labour.removed());
    }

    /**
     * The villages' conditions, with a marker of their own: a demo seeded before they existed gets them at its next
     * start, like the users above.
     */
    private void seedVillageConditions() {
        if (seeded(VILLAGE_MARKER)) {
            return;
        }
        long started = System.nanoTime();
        int stored = villages.seed(COUNTY, seed, "county");
        jdbc.sql("insert into seed_marker (name) values (:n)")
                .param("n", VILLAGE_MARKER)
                .update();
        log.info(
                "Demo village conditions: {} villages' years in {} ms",
                stored,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Employers, postings and referrals, with a marker of their own: a demo seeded before them gets them at its next
     * start. After the labour registry is derived, since referrals are of its labourers.
     */
    private void seedEmployment() {
        if (seeded(EMPLOYMENT_MARKER)) {
            return;
        }
        long started = System.nanoTime();
        DemoEmployment.Outcome outcome = employment.seed(COUNTY, seed);
        jdbc.sql("insert into seed_marker (name) values (:n)")
                .param("n", EMPLOYMENT_MARKER)
                .update();
        log.info(
                "Demo employment: {} employers, {} postings, {} referrals ({} hired) in {} ms",
                outcome.employers(),
                outcome.postings(),
                outcome.referrals(),
                outcome.hired(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean seeded(String marker) {
        return jdbc.sql("select count(*) from seed_marker where name = :n")
                        .param("n", marker)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The villages' public-welfare jobs, given out through the employment module, with a marker of their own: a demo
     * seeded before they existed gets them at its next start.
     */
    private void seedWelfareJobs() {
        if (seeded(WELFARE_MARKER)) {
            return;
        }
        long started = System.nanoTime();
        DemoWelfareJobs.Outcome welfare = welfareJobs.seed(COUNTY, seed);
        jdbc.sql("insert into seed_marker (name) values (:n)")
                .param("n", WELFARE_MARKER)
                .update();
        log.info(
                "Demo public-welfare jobs: {} posts, {} places given in {} ms",
                welfare.posts(),
                welfare.holders(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seedIndustries() {
        DemoIndustries.Outcome industry = industries.seed(COUNTY, seed);
        log.info(
                "Demo industries: {} projects, {} benefit links, {} collective incomes",
                industry.projects(),
                industry.links(),
                industry.collectiveIncomes());
    }

    /** Seeds unless the demo is there; says whether it seeded. */
    boolean seed() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            // the marker row is locked by whichever start seeds; another start waits and then sees it
            jdbc.sql("lock table seed_marker in exclusive mode").update();
            // before the marker check: a demo seeded before a user was added to the list (the three administrators
            // of the separation of duties) gets that user on its next start
            for (DemoUser user : USERS) {
                if (accounts.find(user.username()).isEmpty()) {
                    accounts.create(user.username(), PASSWORD, user.displayName(), user.role(), user.regionCode());
                }
            }
            if (jdbc.sql("select count(*) from seed_marker where name = :n")
                            .param("n", MARKER)
                            .query(Long.class)
                            .single()
                    > 0) {
                log.info("Demo data already present; not seeding again");
                // a demo seeded before the labour registry existed gets it now; later starts change nothing
                refreshLabourRegistry();
                seedVillageConditions();
                seedEmployment();
                seedWelfareJobs();
                return false;
            }
            long started = System.nanoTime();
            accounts.assignDepartment("officer", "medical_security");
            RegistryGeneration.Outcome outcome = generation.generate(COUNTY, households, seed, null, true);
            long caseworkStarted = System.nanoTime();
            CaseworkHistory.Outcome cases = casework.replay(COUNTY, targets, seed, "522324101209", PASSWORD);
            log.info(
                    "Demo casework: {} households ({} persons) identified, risk eliminated for {} ({} persons), {} "
                            + "cases under way{}, in {} ms",
                    cases.identified(),
                    cases.identifiedPersons(),
                    cases.eliminated(),
                    cases.eliminatedPersons(),
                    cases.openCases(),
                    cases.exact() ? "" : " (the registry's household sizes could not match the targets exactly)",
                    (System.nanoTime() - caseworkStarted) / 1_000_000);
            // before the feeds: their employment registrations apply to the labourers derived here
            refreshLabourRegistry();
            seedIndustries();
            importDemoFeeds();
            seedVillageConditions();
            seedEmployment();
            // after the feeds: the allocation's payroll check reads their public_payroll records
            seedWelfareJobs();
            jdbc.sql("insert into seed_marker (name) values (:n)")
                    .param("n", MARKER)
                    .update();
            log.info(
                    "Demo seeded: {} users, {} households, {} persons of Qinglong County in {} ms",
                    USERS.size(),
                    outcome.households(),
                    outcome.persons(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        }));
    }
}
