package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Amounts of medical settlements: a total split into what the funds paid (basic insurance, critical-illness insurance
 * and medical aid) and what the patient paid, of which a part was within the policy's scope. Works in cents, so the
 * total is always exactly the fund's part plus the patient's.
 */
final class MedicalSettlements {

    /** The kind of visit, with the catalogue's code. */
    enum Kind {
        OUTPATIENT("outpatient"),
        SPECIAL_OUTPATIENT("special_outpatient"),
        INPATIENT("inpatient");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private MedicalSettlements() {}

    /**
     * A routine settlement: a typical cost for its kind, with a larger fund share for assisted households (the
     * "three guarantees" of medical security). Where the date falls in the last 12 months the patient's share is held
     * within the budget — the funds, medical aid above all, carry the rest, as they do for the poor.
     *
     * @param row    a medical_settlement row with the person filled in
     * @param budget the quiet budget, or null where the date is outside the last 12 months
     */
    static FeedRow routine(
            FeedRow row, LocalDate date, Kind kind, boolean assisted, QuietBudget budget, SplittableRandom random) {
        double total;
        double fundShare;
        switch (kind) {
            case INPATIENT -> {
                total = Draws.logNormal(random, 5_500, 0.6, 1_200, 60_000);
                fundShare = assisted ? Draws.uniform(random, 0.82, 0.92) : Draws.uniform(random, 0.6, 0.75);
            }
            case SPECIAL_OUTPATIENT -> {
                total = Draws.logNormal(random, 550, 0.7, 80, 6_000);
                fundShare = Draws.uniform(random, 0.6, 0.8) + (assisted ? 0.08 : 0);
            }
            default -> {
                total = Draws.logNormal(random, 110, 0.8, 12, 2_500);
                fundShare = Draws.uniform(random, 0.35, 0.65) + (assisted ? 0.1 : 0);
            }
        }
        long totalCents = Money.cents(total);
        long outOfPocket = totalCents - Money.cents(total * fundShare);
        long inScope = Math.round(outOfPocket * Draws.uniform(random, 0.3, 0.7));
        if (budget != null) {
            outOfPocket = budget.takeOutOfPocket(outOfPocket);
            inScope = budget.takeInScope(Math.min(inScope, outOfPocket));
        }
        return fill(row, date, kind, totalCents, outOfPocket, inScope);
    }

    /** An inpatient stay whose out-of-pocket part alone is {@code outOfPocketCents} (a planted high cost). */
    static FeedRow costly(FeedRow row, LocalDate date, long outOfPocketCents, SplittableRandom random) {
        double patientShare = Draws.uniform(random, 0.3, 0.55);
        long total = Math.round(outOfPocketCents / patientShare);
        long inScope = Math.round(outOfPocketCents * Draws.uniform(random, 0.5, 0.85));
        return fill(row, date, Kind.INPATIENT, total, outOfPocketCents, inScope);
    }

    /** The kind of a visit, given the chances of a stay in hospital and of a special (chronic-disease) visit. */
    static Kind kind(SplittableRandom random, double inpatient, double special) {
        double u = random.nextDouble();
        return u < inpatient ? Kind.INPATIENT : u < inpatient + special ? Kind.SPECIAL_OUTPATIENT : Kind.OUTPATIENT;
    }

    /**
     * Up to {@code count} distinct days from {@code first} to {@code last}, oldest first: one person is settled at
     * most once a day, so no two of their rows can be the same record.
     */
    static LocalDate[] distinctDays(SplittableRandom random, int count, LocalDate first, LocalDate last) {
        long start = first.toEpochDay();
        int span = (int) (last.toEpochDay() - start + 1);
        if (span <= 0 || count <= 0) {
            return new LocalDate[0];
        }
        int n = Math.min(count, span);
        long[] days = new long[n];
        int filled = 0;
        while (filled < n) {
            long day = start + random.nextInt(span);
            boolean seen = false;
            for (int i = 0; i < filled && !seen; i++) {
                seen = days[i] == day;
            }
            if (!seen) {
                days[filled++] = day;
            }
        }
        Arrays.sort(days);
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.ofEpochDay(days[i]);
        }
        return dates;
    }

    private static FeedRow fill(FeedRow row, LocalDate date, Kind kind, long total, long outOfPocket, long inScope) {
        return row.date("settle_date", date)
                .text("kind", kind.code)
                .money("total_cost", total)
                .money("fund_paid", total - outOfPocket)
                .money("out_of_pocket", outOfPocket)
                .money("in_scope_out_of_pocket", inScope);
    }
}
