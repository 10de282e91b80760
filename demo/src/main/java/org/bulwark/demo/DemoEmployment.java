package org.bulwark.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bulwark.casework.PlanReferrals;
import org.bulwark.core.employment.Reach;
import org.bulwark.employment.Employer;
import org.bulwark.employment.EmployerInput;
import org.bulwark.employment.Employers;
import org.bulwark.employment.JobMatches;
import org.bulwark.employment.LabourRegistryRefresh;
import org.bulwark.employment.Labourer;
import org.bulwark.employment.LabourerInput;
import org.bulwark.employment.Labourers;
import org.bulwark.employment.Posting;
import org.bulwark.employment.PostingInput;
import org.bulwark.employment.PostingMatch;
import org.bulwark.employment.Postings;
import org.bulwark.employment.Referral;
import org.bulwark.employment.ReferralMove;
import org.bulwark.employment.Referrals;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's employment services, deterministic from the seed and recorded through the employment module as the
 * county's employment office would: an assistance workshop (帮扶车间) in a village of every township, a cooperative
 * in every other township, two factories and the county's gig platform (零工平台), and a factory in Guiyang; their
 * postings; and referrals of about one labourer out of work in fifty
 * to postings that fit them (found by the module's own matching), in every state — a hire puts the labourer in work
 * through the same service as a page would. A few labourers first say, on a visit, they would work farther away.
 *
 * <p>Everything happens today; the labour registry's first rows and the referrals are then dated back over the past
 * year (a direct update of the dates only), so that the dashboard's month-on-month and year-on-year figures move.
 */
@Component
class DemoEmployment {

    /** Outcome: employers, postings, referrals and hires recorded. */
    record Outcome(int employers, int postings, int referrals, int hired) {}

    private static final String[][] WORKSHOPS = {
        {"服装加工帮扶车间", "缝纫工", "MANUFACTURING"},
        {"电子元件组装帮扶车间", "组装工", "MANUFACTURING"},
        {"竹编工艺帮扶车间", "竹编工", "HANDICRAFT"},
        {"茶叶加工帮扶车间", "茶叶加工工", "AGRICULTURE"}
    };
    private static final String[][] COOPERATIVES = {{"肉牛养殖专业合作社", "养殖工"}, {"蔬菜种植专业合作社", "种植工"}, {"茶叶种植专业合作社", "采茶工"}};
    private static final String[] REFUSALS = {"工资低于期望", "离家太远，需照顾家人", "身体原因暂不能上岗", "用人单位未录用"};

    /** Share of the labourers out of work referred: one in this many. */
    private static final int REFERRED_ONE_IN = 50;

    private final Employers employers;
    private final Postings postings;
    private final Labourers labourers;
    private final JobMatches matches;
    private final Referrals referrals;
    private final Regions regions;
    private final PlanReferrals planReferrals;
    private final JdbcClient jdbc;

    DemoEmployment(
            Employers employers,
            Postings postings,
            Labourers labourers,
            JobMatches matches,
            Referrals referrals,
            Regions regions,
            PlanReferrals planReferrals,
            JdbcClient jdbc) {
        this.planReferrals = planReferrals;
        this.employers = employers;
        this.postings = postings;
        this.labourers = labourers;
        this.matches = matches;
        this.referrals = referrals;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    Outcome seed(String county, long seed) {
        Random random = new Random(seed ^ 0x15);
        var office = BulwarkUser.system("demo-seed", Role.EMPLOYMENT_OFFICER, county + "000000");
        try (var acting = CurrentUser.actAs(office)) {
            List<Posting> created = new ArrayList<>();
            int employerCount = employersAndPostings(county, random, created);
            Map<Long, Integer> openings = new HashMap<>();
            created.forEach(p -> openings.put(p.id(), p.openings()));
            int[] counts = refer(county, random, openings);
            backdate(county, random);
            return new Outcome(employerCount, created.size(), counts[0], counts[1]);
        }
    }

    private int employersAndPostings(String county, Random random, List<Posting> created) {
        List<Region> townships = regions.children(county + "000000");
        int count = 0;
        for (int i = 0; i < townships.size(); i++) {
            Region township = townships.get(i);
            List<Region> villages = regions.children(township.code());
            if (villages.isEmpty()) {
                continue;
            }
            String[] w = WORKSHOPS[i % WORKSHOPS.length];
            String at = villages.get(random.nextInt(villages.size())).code();
            Employer workshop = employer("WORKSHOP", township.name() + w[0], at);
            created.add(posting(
                    workshop, w[1], at, w[2], List.of(), 1800 + random.nextInt(9) * 100, 8 + random.nextInt(13)));
            count++;
            if (i % 2 == 0) {
                String[] c = COOPERATIVES[(i / 2) % COOPERATIVES.length];
                String coopAt = villages.get(random.nextInt(villages.size())).code();
                Employer coop = employer("COOPERATIVE", township.name() + c[0], coopAt);
                created.add(posting(
                        coop,
                        c[1],
                        coopAt,
                        "AGRICULTURE",
                        List.of(),
                        1800 + random.nextInt(7) * 100,
                        4 + random.nextInt(7)));
                created.add(posting(coop, "畜牧技术员", coopAt, "AGRICULTURE", List.of("ANIMAL_HUSBANDRY"), 3200, 2));
                count++;
            }
        }
        return count + countyAndAway(county, townships, created);
    }

    /** Employers of the whole county, and one elsewhere in the province that hires Qinglong's labourers. */
    private int countyAndAway(String county, List<Region> townships, List<Posting> created) {
        String countyCode = county + "000000";
        Employer food = employer("ENTERPRISE", "晴隆县食品加工有限公司", countyCode);
        created.add(posting(food, "食品包装工", countyCode, "MANUFACTURING", List.of(), 2800, 40));
        created.add(posting(food, "电工", countyCode, "MANUFACTURING", List.of("ELECTRICIAN"), 4200, 3));
        String town = townships.get(0).code();
        Employer building = employer("ENTERPRISE", "晴隆县新型建材有限公司", town);
        created.add(posting(building, "搬运装卸工", town, "CONSTRUCTION", List.of(), 3200, 20));
        created.add(posting(building, "焊工", town, "CONSTRUCTION", List.of("WELDER"), 5000, 4));
        Employer gig = employer("GIG_PLATFORM", "晴隆县零工市场线上平台", countyCode);
        created.add(posting(gig, "家政保洁（零工）", countyCode, "DOMESTIC_AND_CARE", List.of(), 2400, 30));
        created.add(posting(gig, "快递分拣（零工）", countyCode, "LOGISTICS", List.of(), 2600, 25));
        // a factory in Guiyang recruits across the province: the province's employment office records it
        String guiyang = "520115000000";
        if (regions.find(guiyang).isPresent()) {
            var province = BulwarkUser.system("demo-seed", Role.EMPLOYMENT_OFFICER, "520000000000");
            try (var acting = CurrentUser.actAs(province)) {
                Employer e = employer("ENTERPRISE", "贵阳观山湖电子科技有限公司", guiyang);
                created.add(posting(e, "电子装配工", guiyang, "MANUFACTURING", List.of(), 4000, 40));
            }
            return 4;
        }
        return 3;
    }

    private Employer employer(String kind, String name, String region) {
        return employers.create(new EmployerInput(kind, name, null, region, null, null, true, 0));
    }

    private Posting posting(
            Employer employer, String title, String region, String kind, List<String> skills, int wage, int openings) {
        return postings.create(new PostingInput(
                employer.id(),
                title,
                region,
                kind,
                skills,
                BigDecimal.valueOf(wage),
                40,
                openings,
                LocalDate.now().minusMonths(11),
                null,
                null,
                0));
    }

    /** Referrals of labourers out of work; returns how many were made and hired. */
    private int[] refer(String county, Random random, Map<Long, Integer> openings) {
        List<Long> idle =
                jdbc.sql("""
                select person_id from labourer where village_code like :c and not in_work order by person_id
                """).param("c", county + "%").query(Long.class).list();
        Map<Long, Long> planned = plannedMeasures(county);
        var countyOffice = BulwarkUser.system("demo-seed", Role.COUNTY_APPROVER, county + "000000");
        int referred = 0;
        int hired = 0;
        // a small demo (a test's few hundred households) still gets about eight, one in each state and more
        int oneIn = Math.max(1, Math.min(REFERRED_ONE_IN, idle.size() / 8));
        for (long person : idle) {
            Long measure = planned.get(person);
            if (random.nextInt(oneIn) != 0 && measure == null) {
                continue;
            }
            boolean far = random.nextInt(8) == 0;
            if (far) {
                wishFarther(person, Reach.PROVINCE);
            }
            List<PostingMatch> fitting = matches.forLabourer(person).stream()
                    .filter(m -> openings.getOrDefault(m.posting().id(), 0) > 0)
                    .filter(m -> !far || m.reach().compareTo(Reach.COUNTY) > 0)
                    .toList();
            if (fitting.isEmpty()) {
                continue;
            }
            Posting posting = fitting.get(random.nextInt(fitting.size())).posting();
            Referral referral = referrals.propose(person, posting.id());
            if (measure != null) {
                // the plan's employment measure is carried out by this referral: the county links them
                try (var acting = CurrentUser.actAs(countyOffice)) {
                    // the link is a change of the referral: its new version is the one to move on
                    referral = planReferrals.link(measure, referral.id()).orElseThrow();
                }
            }
            if (move(referral, referred, random)) {
                openings.merge(posting.id(), -1, Integer::sum);
                hired++;
            }
            referred++;
        }
        return new int[] {referred, hired};
    }

    /** The states of the first referrals, so that even a small demo has one in each (null: left PROPOSED). */
    private static final String[] FIRST_STATES = {"HIRED", null, "CONTACTED", "INTERVIEWED", "REFUSED"};

    /** The share of referrals in each state after the first: proposed, contacted, interviewed, hired, refused. */
    private static final int[] SHARES = {20, 15, 10, 40, 15};

    private static final String[] STATES = {null, "CONTACTED", "INTERVIEWED", "HIRED", "REFUSED"};

    /**
     * Labourers out of work of households whose support plan has an employment measure (the casework replay's
     * 就业帮扶), each with the measure: their referral carries it out. The first few households, by id.
     */
    private Map<Long, Long> plannedMeasures(String county) {
        Map<Long, Long> planned = new HashMap<>();
        jdbc.sql("""
                select distinct on (m.household_id) l.person_id, m.id
                from plan_measure m join labourer l on l.household_id = m.household_id and not l.in_work
                where m.category = 'EMPLOYMENT' and m.status <> 'CANCELLED' and l.village_code like :c
                order by m.household_id, m.id, l.person_id
                limit 30
                """)
                .param("c", county + "%")
                .query((rs, n) -> planned.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return planned;
    }

    /**
     * Moves the {@code n}th new referral to a state drawn for it; says whether it ended in a hire. Its posting has
     * an opening left: only such postings are proposed.
     */
    private boolean move(Referral referral, int n, Random random) {
        int draw = random.nextInt(100);
        String state = null;
        if (n < FIRST_STATES.length) {
            state = FIRST_STATES[n];
        } else {
            for (int i = 0, sum = 0; i < SHARES.length; i++) {
                sum += SHARES[i];
                if (draw < sum) {
                    state = STATES[i];
                    break;
                }
            }
        }
        if (state == null) {
            return false;
        }
        String reason = state.equals("REFUSED") ? REFUSALS[random.nextInt(REFUSALS.length)] : null;
        referrals.move(referral.id(), new ReferralMove(state, reason, referral.version()));
        return state.equals("HIRED");
    }

    /** A visit's record: the labourer would go as far as the reach for work. */
    private void wishFarther(long person, Reach reach) {
        Labourer l = labourers.labourer(person).labourer();
        labourers.update(
                person,
                new LabourerInput(
                        l.inWork(),
                        name(l.place()),
                        name(l.workMode()),
                        l.employerId(),
                        l.sinceDate(),
                        l.monthsWorked(),
                        l.monthlyWage(),
                        l.skills().stream().map(Enum::name).toList(),
                        l.training(),
                        reach.name(),
                        l.wishKinds().stream().map(Enum::name).toList(),
                        l.wishMinWage(),
                        "VISIT",
                        l.version()));
    }

    /**
     * Dates the county's labour registry back to its start a little over a year ago, and each referral (with its
     * states and, for a hire, the labourer's change and start of work) to a day of the past eleven months: one
     * statement per table, the days drawn from the seed in the referrals' order.
     */
    private void backdate(String county, Random random) {
        jdbc.sql("""
                update labourer_history set changed_at = changed_at - interval '400 days'
                where village_code like :c and change = 'ADDED' and changed_by = :by
                """)
                .param("c", county + "%")
                .param("by", LabourRegistryRefresh.SYSTEM_NAME)
                .update();
        List<Long> ids = jdbc.sql(
                        "select id from referral where village_code like :c and created_by = 'demo-seed' order by id")
                .param("c", county + "%")
                .query(Long.class)
                .list();
        Integer[] days = ids.stream().map(id -> 3 + random.nextInt(330)).toArray(Integer[]::new);
        Map<String, Object> params = Map.of("ids", ids.toArray(Long[]::new), "days", days);
        jdbc.sql("""
                with d as (select * from unnest(cast(:ids as bigint[]), cast(:days as int[])) as d(id, days)),
                h as (
                    update referral_history rh set changed_at = rh.changed_at - make_interval(days => d.days)
                        + case when rh.state = 'PROPOSED' then interval '0' else interval '2 days' end
                    from d where rh.referral_id = d.id
                ),
                l as (
                    update labourer_history lh set changed_at = lh.changed_at - make_interval(days => d.days - 2),
                        since_date = current_date - (d.days - 2)
                    from d join referral r on r.id = d.id
                    where r.state = 'HIRED' and lh.person_id = r.person_id and lh.change = 'CHANGED'
                      and lh.changed_by = 'demo-seed' and lh.in_work
                ),
                w as (
                    update labourer lb set since_date = current_date - (d.days - 2)
                    from d join referral r on r.id = d.id
                    where r.state = 'HIRED' and lb.person_id = r.person_id
                )
                update referral r set created_at = r.created_at - make_interval(days => d.days),
                    updated_at = r.updated_at - make_interval(days => d.days)
                        + case when r.state = 'PROPOSED' then interval '0' else interval '2 days' end
                from d where r.id = d.id
                """).params(params).update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
