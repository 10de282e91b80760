package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.registry.Employment;

/**
 * Routine records of what members own or do: vehicles, individual businesses, self-built houses, and — in ordinary
 * households only — the costly cars, companies, town flats and public jobs that would contradict an assisted
 * household's status. Assisted households get only what the upward rules allow: cheap or farm vehicles, small
 * individual businesses, self-built houses.
 */
final class AssetRoutine {

    static final String[] BUSINESS_KINDS = {"农家乐", "便民超市", "养殖场", "五金店", "小吃店", "种植专业户", "摩托车维修部"};
    static final String[] EMPLOYERS = {
        "县人民医院", "县第一中学", "镇中心小学", "镇人民政府", "县农业农村局", "县自然资源局", "镇卫生院", "县公安局",
    };
    static final String[] COMPANY_NAMES = {"农业开发有限公司", "商贸有限公司", "建材有限公司", "物流有限公司", "建筑劳务有限公司", "生态养殖有限公司"};
    private static final String COUNTY_TOWN = "100000";

    private AssetRoutine() {}

    static void write(HouseholdFeed feed, SplittableRandom random) {
        vehicle(feed, random);
        businesses(feed, random);
        realEstate(feed, random);
        if (!feed.assisted()) {
            publicPayroll(feed, random);
        }
    }

    /** A living member aged {@code from}–{@code to} on the as-of day, or -1 when there is none. */
    static int adult(HouseholdFeed feed, SplittableRandom random, int from, int to) {
        return feed.pickMember(random, i -> feed.age(i) >= from && feed.age(i) <= to);
    }

    /** The county town's 12-digit code (its first town-level unit), where commercial housing is built. */
    static String countyTown(HouseholdFeed feed) {
        return feed.villageCode().substring(0, 6) + COUNTY_TOWN;
    }

    private static void vehicle(HouseholdFeed feed, SplittableRandom random) {
        int owner = Draws.chance(random, 0.1) ? adult(feed, random, 18, 70) : -1;
        if (owner < 0) {
            return;
        }
        double u = random.nextDouble();
        String type;
        long value;
        if (u < 0.45) {
            type = "motorcycle";
            value = Draws.between(random, 30, 120) * 100L;
        } else if (u < 0.7) {
            // kept under the VER-01 value whatever the type, so routine assets never trip it
            type = "farm_vehicle";
            value = Draws.between(random, 8, 60) * 1_000L;
        } else if (u < 0.95) {
            type = "car";
            value = feed.assisted()
                    ? Draws.between(random, 40, 95) * 1_000L
                    : Math.round(Draws.logNormal(random, 90_000, 0.5, 40_000, 300_000) / 100) * 100;
        } else {
            type = "truck";
            value = Draws.between(random, 30, feed.assisted() ? 95 : 200) * 1_000L;
        }
        LocalDate registered = feed.dateAtAge(owner, random, 18, 30, 3_000);
        if (registered != null) {
            feed.emit(feed.personRow(FeedCategory.VEHICLE_REGISTRATION, owner)
                    .date("reg_date", registered)
                    .text("vehicle_type", type)
                    .money("value", Money.ofYuan(value)));
        }
    }

    private static void businesses(HouseholdFeed feed, SplittableRandom random) {
        for (int i = 0; i < feed.size(); i++) {
            if (feed.member(i).employment() != Employment.SELF_EMPLOYED || !Draws.chance(random, 0.5)) {
                continue;
            }
            LocalDate registered = feed.dateAtAge(i, random, 18, 60, 3_600);
            if (feed.alive(i) && registered != null) {
                feed.emit(feed.personRow(FeedCategory.BUSINESS_REGISTRATION, i)
                        .date("reg_date", registered)
                        .text("entity_type", "individual_business")
                        .text("entity_name", feed.member(i).name() + Draws.pick(random, BUSINESS_KINDS))
                        .money("registered_capital", Money.ofYuan(Draws.between(random, 1, 30) * 10_000L)));
            }
        }
        int owner = !feed.assisted() && Draws.chance(random, 0.004) ? adult(feed, random, 20, 65) : -1;
        if (owner >= 0) {
            company(feed, owner, random);
        }
    }

    /** A company registered by a member aged 20–65; a contradiction in an assisted household (VER-02). */
    static void company(HouseholdFeed feed, int owner, SplittableRandom random) {
        LocalDate registered = feed.dateAtAge(owner, random, 18, 30, 2_000);
        String name = feed.member(owner).name().substring(0, 1) + "氏" + Draws.pick(random, COMPANY_NAMES);
        feed.emit(feed.personRow(FeedCategory.BUSINESS_REGISTRATION, owner)
                .date("reg_date", registered)
                .text("entity_type", "company")
                .text("entity_name", name)
                .money("registered_capital", Money.ofYuan(Draws.between(random, 10, 300) * 10_000L)));
    }

    private static void realEstate(HouseholdFeed feed, SplittableRandom random) {
        if (feed.alive(0) && feed.age(0) >= 22 && Draws.chance(random, 0.2)) {
            LocalDate registered = feed.dateAtAge(0, random, 18, 200, 9_000);
            if (registered != null) {
                feed.emit(feed.personRow(FeedCategory.REAL_ESTATE, 0)
                        .date("reg_date", registered)
                        .text("location_code", feed.villageCode())
                        .decimal("area_m2", Draws.between(random, 800, 2_600) / 10.0)
                        .text("kind", "self_built"));
            }
        }
        int owner = !feed.assisted() && Draws.chance(random, 0.025) ? adult(feed, random, 22, 70) : -1;
        if (owner >= 0) {
            commercialHousing(feed, owner, random);
        }
    }

    /** A flat in the county town bought by a member aged 22–70; a contradiction in an assisted household (VER-03). */
    static void commercialHousing(HouseholdFeed feed, int owner, SplittableRandom random) {
        feed.emit(feed.personRow(FeedCategory.REAL_ESTATE, owner)
                .date("reg_date", feed.dateAtAge(owner, random, 18, 30, 1_500))
                .text("location_code", countyTown(feed))
                .decimal("area_m2", Draws.between(random, 700, 1_400) / 10.0)
                .text("kind", "commercial"));
    }

    private static void publicPayroll(HouseholdFeed feed, SplittableRandom random) {
        int employee = Draws.chance(random, 0.012) ? adult(feed, random, 22, 59) : -1;
        if (employee >= 0) {
            payroll(feed, employee, random);
        }
    }

    /** A member aged 22–59 paid from public budgets; a contradiction in an assisted household (VER-04). */
    static void payroll(HouseholdFeed feed, int employee, SplittableRandom random) {
        feed.emit(feed.personRow(FeedCategory.PUBLIC_PAYROLL, employee)
                .date("since_date", feed.dateAtAge(employee, random, 20, 60, 3_000))
                .text("employer", Draws.pick(random, EMPLOYERS)));
    }
}
