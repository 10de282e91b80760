package org.bulwark.employment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The employment office's work on the dashboard: the employers and assistance workshops (帮扶车间) where they lie, the
 * labourers working in a workshop where they live, the postings open today and their openings, and the referrals of
 * labourers to postings where the labourers live, in all and hired; a breakdown counts the referrals by the state
 * they are in today. Employers and postings are no household's, so their figures are never suppressed.
 */
@Component
class JobFigures implements FigureProvider {

    static final String EMPLOYERS = "jobs.employers";
    static final String WORKSHOPS = "jobs.workshops";
    static final String WORKSHOP_LABOURERS = "jobs.workshopLabourers";
    static final String POSTINGS = "jobs.postings";
    static final String OPENINGS = "jobs.openings";
    static final String REFERRALS = "jobs.referrals";
    static final String HIRED = "jobs.hired";
    static final String WELFARE_POSTS = "jobs.welfarePosts";
    static final String WELFARE_PLACES = "jobs.welfarePlaces";
    static final String WELFARE_HELD = "jobs.welfareHeld";
    static final String BY_STATE = "jobs.byState";

    private final JdbcClient jdbc;
    private final WelfareJobPlaces welfare;

    JobFigures(JdbcClient jdbc, WelfareJobPlaces welfare) {
        this.jdbc = jdbc;
        this.welfare = welfare;
    }

    @Override
    public String id() {
        return "jobs";
    }

    @Override
    public String titleKey() {
        return "dashboard.jobs";
    }

    @Override
    public String noteKey() {
        return "dashboard.jobs.note";
    }

    @Override
    public int order() {
        return 26;
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                new Measure(EMPLOYERS, "dashboard." + EMPLOYERS, Measure.Format.COUNT, false),
                new Measure(WORKSHOPS, "dashboard." + WORKSHOPS, Measure.Format.COUNT, false),
                Measure.count(WORKSHOP_LABOURERS, "dashboard." + WORKSHOP_LABOURERS),
                new Measure(POSTINGS, "dashboard." + POSTINGS, Measure.Format.COUNT, false),
                new Measure(OPENINGS, "dashboard." + OPENINGS, Measure.Format.COUNT, false),
                Measure.count(REFERRALS, "dashboard." + REFERRALS),
                Measure.count(HIRED, "dashboard." + HIRED),
                new Measure(WELFARE_POSTS, "dashboard." + WELFARE_POSTS, Measure.Format.COUNT, false),
                new Measure(WELFARE_PLACES, "dashboard." + WELFARE_PLACES, Measure.Format.COUNT, false),
                Measure.count(WELFARE_HELD, "dashboard." + WELFARE_HELD));
    }

    /**
     * No chart: the labour section above draws the labourers, and the cockpit's screen keeps a tile per section
     * that charts; these figures read as a table.
     */
    @Override
    public List<String> chartedMeasures() {
        return List.of();
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of();
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        values.addAll(employers(query));
        values.addAll(postings(query));
        values.addAll(workshopLabourers(query));
        values.addAll(referrals(query));
        values.addAll(welfarePlaces(query));
        return values;
    }

    /**
     * Public-welfare posts whose term covers today where they are, their places and the places held (the households
     * holding them behind the last), for each group and the region as a whole.
     */
    private List<FigureValue> welfarePlaces(FigureQuery query) {
        String total = query.regionPrefix();
        boolean regionIsGroup = query.groupDigits() == total.length();
        long[] sum = new long[4];
        List<FigureValue> values = new ArrayList<>();
        for (WelfareJobPlaces.Places p : welfare.byRegion(total, query.groupDigits(), query.today())) {
            if (!regionIsGroup) {
                values.addAll(welfareValues(p.group(), p.posts(), p.places(), p.held(), p.households()));
            }
            sum[0] += p.posts();
            sum[1] += p.places();
            sum[2] += p.held();
            sum[3] += p.households();
        }
        values.addAll(welfareValues(total, sum[0], sum[1], sum[2], sum[3]));
        return values;
    }

    private static List<FigureValue> welfareValues(String group, long posts, long places, long held, long households) {
        return List.of(
                FigureValue.of(group, WELFARE_POSTS, posts, 0),
                FigureValue.of(group, WELFARE_PLACES, places, 0),
                FigureValue.of(group, WELFARE_HELD, held, households));
    }

    private List<FigureValue> employers(FigureQuery query) {
        return jdbc
                .sql("""
                select %s as grp, count(*) as employers, count(*) filter (where e.kind = 'WORKSHOP') as workshops
                from employer e
                where e.active and e.region_code like :scope and e.region_code like :region
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("e.region_code"), query.groupOf("e.region_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> List.of(
                        FigureValue.of(rs.getString("grp"), EMPLOYERS, rs.getLong("employers"), 0),
                        FigureValue.of(rs.getString("grp"), WORKSHOPS, rs.getLong("workshops"), 0)))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    /** Postings open today, where the work is. */
    private List<FigureValue> postings(FigureQuery query) {
        return jdbc
                .sql("""
                select %s as grp, count(*) as postings, coalesce(sum(p.openings), 0) as openings
                from posting p
                where p.state = 'OPEN' and p.open_from <= :today and (p.open_to is null or p.open_to >= :today)
                  and p.region_code like :scope and p.region_code like :region
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("p.region_code"), query.groupOf("p.region_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("today", query.today())
                .query((rs, n) -> List.of(
                        FigureValue.of(rs.getString("grp"), POSTINGS, rs.getLong("postings"), 0),
                        FigureValue.of(rs.getString("grp"), OPENINGS, rs.getLong("openings"), 0)))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private List<FigureValue> workshopLabourers(FigureQuery query) {
        return jdbc.sql("""
                select %s as grp, count(*) as n, count(distinct l.household_id) as h
                from labourer l
                where %s and l.village_code like :scope and l.village_code like :region
                group by grouping sets ((%s), ())
                """.formatted(
                                query.groupOrTotal("l.village_code"), IN_WORKSHOP, query.groupOf("l.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) ->
                        FigureValue.of(rs.getString("grp"), WORKSHOP_LABOURERS, rs.getLong("n"), rs.getLong("h")))
                .list();
    }

    /** In work in an assistance workshop: by the form recorded, or by the employer's kind. */
    private static final String IN_WORKSHOP = "l.in_work and (l.work_mode = 'WORKSHOP' or exists (select 1 from"
            + " employer e where e.id = l.employer_id and e.kind = 'WORKSHOP'))";

    private List<FigureValue> referrals(FigureQuery query) {
        return jdbc
                .sql("""
                select %s as grp, count(*) as n, count(distinct r.household_id) as h,
                       count(*) filter (where r.state = 'HIRED') as hired,
                       count(distinct r.household_id) filter (where r.state = 'HIRED') as hired_h
                from referral r
                where r.village_code like :scope and r.village_code like :region
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("r.village_code"), query.groupOf("r.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> List.of(
                        FigureValue.of(rs.getString("grp"), REFERRALS, rs.getLong("n"), rs.getLong("h")),
                        FigureValue.of(rs.getString("grp"), HIRED, rs.getLong("hired"), rs.getLong("hired_h"))))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return List.of(Measure.count(REFERRALS, "dashboard." + REFERRALS));
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = jdbc.sql("""
                select r.state, count(*) as n, count(distinct r.household_id) as h
                from referral r
                where r.village_code like :scope and r.village_code like :region
                group by r.state
                """)
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> FigureValue.of(rs.getString("state"), REFERRALS, rs.getLong("n"), rs.getLong("h")))
                .list();
        List<Breakdown.Row> keys = Arrays.stream(ReferralState.values())
                .map(s -> new Breakdown.Row(s.name(), "enum.ReferralState." + s.name()))
                .toList();
        return Optional.of(new Breakdown(BY_STATE, "dashboard." + BY_STATE, keys, true, breakdownMeasures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.of(new Breakdown.Label("enum.ReferralState." + key, true));
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        if (measureId.equals(WORKSHOP_LABOURERS)) {
            return Optional.of(new HouseholdCondition(
                    "exists (select 1 from labourer l where l.household_id = h.id and " + IN_WORKSHOP + ")", Map.of()));
        }
        if (measureId.equals(WELFARE_HELD)) {
            return Optional.of(new HouseholdCondition(
                    "exists (select 1 from welfare_post_holder wh where wh.household_id = h.id"
                            + " and wh.term_from <= :today and wh.term_to >= :today)",
                    Map.of("today", query.today())));
        }
        if (!measureId.equals(REFERRALS) && !measureId.equals(HIRED)) {
            return Optional.empty();
        }
        String state = measureId.equals(HIRED) ? ReferralState.HIRED.name() : key;
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("state", state);
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from referral r where r.household_id = h.id"
                        + " and (cast(:state as varchar) is null or r.state = cast(:state as varchar)))",
                params));
    }
}
