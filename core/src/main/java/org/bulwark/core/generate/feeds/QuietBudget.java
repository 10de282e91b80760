package org.bulwark.core.generate.feeds;

/**
 * What routine medical settlements of one household (or one unregistered resident) may still add to the last 12
 * months without tripping MED-01 or MED-02: routine data must stay quiet so that only planted events raise warnings.
 */
final class QuietBudget {

    // half of each threshold: routine costs plus anything small stay clearly below it
    private static final double SHARE_OF_THRESHOLD = 0.5;
    // MED-02 compares in-scope costs with half the net income; routine costs stay under a fifth of it
    private static final double SHARE_OF_NET_INCOME = 0.2;

    private long outOfPocketLeft;
    private long inScopeLeft;

    private QuietBudget(long outOfPocket, long inScope) {
        this.outOfPocketLeft = outOfPocket;
        this.inScopeLeft = inScope;
    }

    /** The budget of a household with this MED-01 threshold and net income (yuan; may be zero or negative). */
    static QuietBudget forHousehold(long thresholdYuan, double netIncome) {
        long outOfPocket = Money.cents(thresholdYuan * SHARE_OF_THRESHOLD);
        long inScope = Math.min(outOfPocket, Money.cents(Math.max(0, netIncome) * SHARE_OF_NET_INCOME));
        return new QuietBudget(outOfPocket, inScope);
    }

    /** The budget of a resident who is not registered: only MED-01 runs, at the threshold for others. */
    static QuietBudget forUnregistered() {
        long outOfPocket = Money.cents(DefaultThresholds.MEDICAL_OTHER_YUAN * SHARE_OF_THRESHOLD);
        return new QuietBudget(outOfPocket, outOfPocket);
    }

    /** Takes up to {@code cents} of out-of-pocket cost and returns what was granted. */
    long takeOutOfPocket(long cents) {
        long granted = Math.min(cents, outOfPocketLeft);
        outOfPocketLeft -= granted;
        return granted;
    }

    /** Takes up to {@code cents} of in-scope cost and returns what was granted. */
    long takeInScope(long cents) {
        long granted = Math.min(cents, inScopeLeft);
        inScopeLeft -= granted;
        return granted;
    }
}
