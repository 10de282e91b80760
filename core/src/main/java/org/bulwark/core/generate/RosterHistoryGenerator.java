package org.bulwark.core.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * Generates the monitoring history a county would list in its roster for a generated household, 2021–2025: periods
 * that do not overlap (a later one only after the earlier's elimination), types that suit the household (脱贫不稳定户
 * only for a formerly poor household, 边缘易致贫户 never for one), one to five risks, a helper of the village given by
 * name and phone, measures answering the risks, some eliminations (some natural), some re-entries and, on the last
 * period, some reversals. Deterministic: the same seed and household give the same history, whatever else was drawn.
 */
public final class RosterHistoryGenerator {

    /** The first day a generated period may begin. */
    public static final LocalDate FIRST = LocalDate.of(2021, 1, 1);
    /** The last day of the generated history: no date of a generated roster is later. */
    public static final LocalDate LAST = LocalDate.of(2025, 12, 31);

    private static final int MAX_PERIODS = 3;
    private static final Weighted<RiskType> RISK_SHARES = Weighted.of(
            RiskType.ILLNESS,
            30,
            RiskType.DISABILITY,
            12,
            RiskType.SCHOOLING,
            10,
            RiskType.NATURAL_DISASTER,
            6,
            RiskType.ACCIDENT,
            8,
            RiskType.INDUSTRY_FAILURE,
            6,
            RiskType.UNSTABLE_EMPLOYMENT,
            14,
            RiskType.LACK_OF_LABOUR,
            10,
            RiskType.OTHER,
            4);
    private static final Map<RiskType, MeasureCategory> ANSWER = new EnumMap<>(Map.of(
            RiskType.ILLNESS, MeasureCategory.HEALTH,
            RiskType.DISABILITY, MeasureCategory.SOCIAL_SECURITY,
            RiskType.SCHOOLING, MeasureCategory.OTHER_EDUCATION,
            RiskType.NATURAL_DISASTER, MeasureCategory.HOUSING_SAFETY,
            RiskType.ACCIDENT, MeasureCategory.SOCIAL_ASSISTANCE,
            RiskType.INDUSTRY_FAILURE, MeasureCategory.INDUSTRY,
            RiskType.UNSTABLE_EMPLOYMENT, MeasureCategory.EMPLOYMENT,
            RiskType.LACK_OF_LABOUR, MeasureCategory.PUBLIC_WELFARE_JOB,
            RiskType.OTHER, MeasureCategory.INSURANCE));
    private static final Map<MeasureCategory, String[]> CONTENT_AND_DEPARTMENT = new EnumMap<>(Map.of(
            MeasureCategory.HEALTH, new String[] {"大病保险和医疗救助报销", "县医疗保障局"},
            MeasureCategory.SOCIAL_SECURITY, new String[] {"残疾人两项补贴", "县残疾人联合会"},
            MeasureCategory.OTHER_EDUCATION, new String[] {"雨露计划助学补助", "县乡村振兴局"},
            MeasureCategory.HOUSING_SAFETY, new String[] {"危房改造补助", "县住房和城乡建设局"},
            MeasureCategory.SOCIAL_ASSISTANCE, new String[] {"临时救助金", "县民政局"},
            MeasureCategory.INDUSTRY, new String[] {"产业奖补和技术指导", "县农业农村局"},
            MeasureCategory.EMPLOYMENT, new String[] {"就业推荐和稳岗补贴", "县人力资源和社会保障局"},
            MeasureCategory.PUBLIC_WELFARE_JOB, new String[] {"乡村公益性岗位", "县人力资源和社会保障局"},
            MeasureCategory.INSURANCE, new String[] {"防返贫保险理赔", "县乡村振兴局"}));

    private final long seed;

    /** A generator drawing from {@code seed}. */
    public RosterHistoryGenerator(long seed) {
        this.seed = seed;
    }

    /** The household's periods, oldest first (one to three). */
    public List<RosterPeriod> history(GeneratedHousehold household) {
        SplittableRandom random =
                new SplittableRandom(seed * 31 + household.householdNumber().hashCode());
        boolean formerlyPoor = household.category() == HouseholdCategory.FORMERLY_POOR;
        List<RosterPeriod> periods = new ArrayList<>();
        LocalDate start = day(FIRST, LocalDate.of(2025, 6, 30), random);
        while (true) {
            boolean last = periods.size() + 1 == MAX_PERIODS;
            RosterPeriod period = period(household, formerlyPoor, start, random);
            periods.add(period);
            LocalDate eliminated = period.eliminatedOn();
            if (last || eliminated == null || period.reversedOn() != null || random.nextDouble() >= 0.25) {
                break;
            }
            LocalDate next = eliminated.plusDays(30 + random.nextInt(336));
            if (next.isAfter(LAST)) {
                break;
            }
            start = next;
        }
        return periods;
    }

    private RosterPeriod period(
            GeneratedHousehold household, boolean formerlyPoor, LocalDate identified, SplittableRandom random) {
        MonitoringType type = random.nextDouble() < 0.25
                ? MonitoringType.SUDDEN_HARDSHIP
                : formerlyPoor ? MonitoringType.UNSTABLE_FORMERLY_POOR : MonitoringType.MARGINAL;
        List<RiskType> risks = risks(random);
        String[] helper = helper(household.villageCode(), random.nextInt(3));
        List<RosterPeriod.Measure> measures = new ArrayList<>();
        int count = 1 + random.nextInt(Math.min(3, risks.size()));
        for (int i = 0; i < count; i++) {
            measures.add(measure(risks.get(i), identified, random));
        }
        LocalDate eliminated = null;
        boolean naturally = false;
        LocalDate reversed = null;
        if (random.nextDouble() < 0.65) {
            LocalDate on = identified.plusDays(90 + random.nextInt(451));
            if (!on.isAfter(LAST)) {
                eliminated = on;
                naturally = random.nextDouble() < 0.1;
                LocalDate back = on.plusDays(20 + random.nextInt(181));
                // a reversal reopens the period; the caller then ends the household's history with it
                if (random.nextDouble() < 0.06 && !back.isAfter(LAST)) {
                    reversed = back;
                }
            }
        }
        return new RosterPeriod(
                household.householdNumber(),
                household.head().idNumber(),
                type,
                identified,
                risks,
                helper[0],
                helper[1],
                measures,
                eliminated,
                naturally,
                reversed);
    }

    private static List<RiskType> risks(SplittableRandom random) {
        double roll = random.nextDouble();
        int count = roll < 0.45 ? 1 : roll < 0.75 ? 2 : roll < 0.90 ? 3 : roll < 0.97 ? 4 : 5;
        Set<RiskType> risks = new LinkedHashSet<>();
        while (risks.size() < count) {
            risks.add(RISK_SHARES.pick(random));
        }
        return List.copyOf(risks);
    }

    private static RosterPeriod.Measure measure(RiskType risk, LocalDate identified, SplittableRandom random) {
        MeasureCategory category = ANSWER.get(risk);
        String[] words = CONTENT_AND_DEPARTMENT.get(category);
        LocalDate starts = min(identified.plusDays(5 + random.nextInt(56)), LAST);
        LocalDate ends = random.nextDouble() < 0.4 ? null : min(starts.plusDays(180 + random.nextInt(186)), LAST);
        return new RosterPeriod.Measure(category, words[0], words[1], starts, ends);
    }

    /**
     * One of the three helpers of a village, by name and phone: drawn from the village code and the seed only, so
     * every household of the village names the same three people the same way.
     */
    String[] helper(String villageCode, int which) {
        SplittableRandom random = new SplittableRandom(seed * 17 + Long.parseLong(villageCode) * 3 + which);
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        String name = ChineseNames.fullName(ChineseNames.surname(random), sex, random);
        String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
        return new String[] {name, phone};
    }

    private static LocalDate day(LocalDate from, LocalDate to, SplittableRandom random) {
        return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * The category the registry should give a household with this history: a formerly poor household stays so; any
     * other is 监测户 while its last period is open and 一般户 otherwise (also when it was never monitored).
     */
    public static HouseholdCategory categoryFor(HouseholdCategory generated, List<RosterPeriod> periods) {
        if (generated == HouseholdCategory.FORMERLY_POOR) {
            return generated;
        }
        return !periods.isEmpty() && periods.get(periods.size() - 1).open()
                ? HouseholdCategory.MONITORED
                : HouseholdCategory.ORDINARY;
    }
}
