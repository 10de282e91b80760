package org.bulwark.core.generate;

import static org.bulwark.core.generate.Draw.between;
import static org.bulwark.core.generate.Draw.chance;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * Draws three years of income for a household. The latest year's per-capita net income is drawn first, as a multiple
 * of the monitoring line (log-normal, lower for formerly-poor households and households without workers, around the
 * line for monitored ones); it is then split into transfers (pensions, disability subsidies, support), property
 * income, and wages and operating income in proportion to what the members do. Earlier years divide by a noisy yearly
 * growth of about 6%.
 */
final class IncomeSampler {

    static final int YEARS = 3;

    private static final double ORDINARY_MEDIAN = 2.05;
    private static final double FORMERLY_POOR_MEDIAN = 1.75;
    private static final double MONITORED_MEDIAN = 1.0;
    private static final double SIGMA = 0.5;
    private static final double MONITORED_SIGMA = 0.25;
    private static final double MAX_MULTIPLE = 15;
    private static final double MAX_TRANSFER_SHARE = 0.85;
    private static final int PENSION_AGE = 60;

    private final double line;
    private final int latestYear;

    IncomeSampler(BigDecimal monitoringLine, int latestYear) {
        this.line = monitoringLine.doubleValue();
        this.latestYear = latestYear;
    }

    /** Incomes for the three years up to {@code latestYear}, oldest first. */
    List<GeneratedIncome> draw(HouseholdCategory category, List<GeneratedPerson> members, SplittableRandom random) {
        double[] latest = latestYear(category, members, random);
        double[][] years = new double[YEARS][];
        years[YEARS - 1] = latest;
        for (int i = YEARS - 2; i >= 0; i--) {
            // A monitored household was usually identified after its income fell in the latest year.
            boolean fell = category == HouseholdCategory.MONITORED && i == YEARS - 2;
            double growth =
                    fell ? Draw.normal(random, 0.9, 0.08, 0.6, 1.1) : Draw.normal(random, 1.06, 0.055, 0.8, 1.4);
            years[i] = earlier(years[i + 1], growth, random);
        }
        GeneratedIncome[] incomes = new GeneratedIncome[YEARS];
        for (int i = 0; i < YEARS; i++) {
            double[] c = years[i];
            incomes[i] = new GeneratedIncome(
                    latestYear - (YEARS - 1 - i), yuan(c[0]), yuan(c[1]), yuan(c[2]), yuan(c[3]), yuan(c[4]));
        }
        return List.of(incomes);
    }

    /** Components of the latest year: wage, operating (gross), property, transfer, production cost. */
    private double[] latestYear(HouseholdCategory category, List<GeneratedPerson> members, SplittableRandom random) {
        Activity activity = Activity.of(members);
        double multiple = switch (category) {
            case MONITORED -> Draw.logNormal(random, MONITORED_MEDIAN, MONITORED_SIGMA);
            case FORMERLY_POOR -> Draw.logNormal(random, FORMERLY_POOR_MEDIAN * activity.incomeFactor(), SIGMA);
            case ORDINARY -> Draw.logNormal(random, ORDINARY_MEDIAN * activity.incomeFactor(), SIGMA);
        };
        double net = Math.min(multiple, MAX_MULTIPLE) * line * members.size();

        double transfer = Math.min(transfers(category, members, activity, random), MAX_TRANSFER_SHARE * net);
        double property = chance(random, 0.45) ? net * (0.01 + 0.05 * random.nextDouble()) : 0;
        double earned = net - transfer - property;
        double wage = earned * activity.wageWeight / (activity.wageWeight + activity.operatingWeight);
        double operatingNet = earned - wage;
        // Seeds, fertiliser, feed and stock take a quarter to a half of operating revenue.
        double costShare = 0.25 + 0.25 * random.nextDouble();
        double operating = operatingNet / (1 - costShare);
        return new double[] {wage, operating, property, transfer, operating - operatingNet};
    }

    private double transfers(
            HouseholdCategory category, List<GeneratedPerson> members, Activity activity, SplittableRandom random) {
        double total = 0;
        boolean allElderly = true;
        for (GeneratedPerson member : members) {
            // Age at the end of the latest income year, close enough for pensions and school aid.
            int age = latestYear - member.birthDate().getYear();
            allElderly &= age >= PENSION_AGE;
            if (age >= PENSION_AGE && member.pensionInsured()) {
                total += between(random, 1300, 2400);
            }
            if (member.disability() == Disability.GRADE_1 || member.disability() == Disability.GRADE_2) {
                total += between(random, 1800, 2600);
            } else if (member.disability() != Disability.NONE) {
                total += between(random, 500, 1200);
            }
            if (category != HouseholdCategory.ORDINARY && PersonSampler.inSchool(member.schooling()) && age >= 6) {
                total += between(random, 500, 2000);
            }
        }
        total += switch (category) {
            case FORMERLY_POOR -> between(random, 300, 1800);
            case MONITORED -> between(random, 600, 3000);
            case ORDINARY -> 0;
        };
        if (activity.farms) {
            total += between(random, 200, 900);
        }
        if (chance(random, 0.25)) {
            total += between(random, 100, 800);
        }
        if (allElderly) {
            // Children working elsewhere send money home to parents living alone.
            total += between(random, 0, 3000);
        }
        return total;
    }

    private static double[] earlier(double[] later, double growth, SplittableRandom random) {
        double[] components = new double[later.length];
        for (int i = 0; i < later.length; i++) {
            // Each component wobbles by up to ±5% around the household's growth.
            components[i] = later[i] / growth * (0.95 + 0.1 * random.nextDouble());
        }
        return components;
    }

    private static BigDecimal yuan(double amount) {
        return BigDecimal.valueOf(Math.round(Math.max(0, amount)) * 100, 2);
    }

    /** What the members do for a living, as weights for splitting earned income into wages and operating income. */
    private static final class Activity {

        /** Small plots and a few animals yield something even in households with no recorded farmer. */
        private static final double HOUSEHOLD_PLOT_WEIGHT = 0.2;

        private double wageWeight;
        private double operatingWeight = HOUSEHOLD_PLOT_WEIGHT;
        private boolean farms;
        private boolean migrant;

        static Activity of(List<GeneratedPerson> members) {
            Activity activity = new Activity();
            for (GeneratedPerson member : members) {
                activity.add(member);
            }
            return activity;
        }

        private void add(GeneratedPerson member) {
            double year = member.employmentMonths() / 12.0;
            if (member.employment() == Employment.EMPLOYED) {
                switch (member.employmentPlace()) {
                    case OUT_OF_PROVINCE -> {
                        wageWeight += 4.0 * year;
                        migrant = true;
                    }
                    case IN_PROVINCE -> {
                        wageWeight += 3.3 * year;
                        migrant = true;
                    }
                    case IN_COUNTY -> wageWeight += 2.2 * year;
                }
            } else if (member.employment() == Employment.SELF_EMPLOYED) {
                operatingWeight += 3.0 * year;
            } else if (member.employment() == Employment.FARMING) {
                operatingWeight += 1.0;
                farms = true;
            }
        }

        /** Households without workers earn less, households with migrant workers more. */
        double incomeFactor() {
            if (migrant) {
                return 1.1;
            }
            return wageWeight == 0 && operatingWeight == HOUSEHOLD_PLOT_WEIGHT ? 0.8 : 1.0;
        }
    }
}
