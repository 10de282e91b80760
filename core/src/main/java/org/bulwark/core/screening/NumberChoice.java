package org.bulwark.core.screening;

/** {@code condition ? a : b} on numbers; both branches are computed, which is safe since nothing can fail. */
record NumberChoice(int id, BoolNode condition, NumberNode whenTrue, NumberNode whenFalse) implements NumberNode {

    @Override
    public double[] eval(Frame frame, int n) {
        boolean[] c = condition.eval(frame, n);
        double[] a = whenTrue.eval(frame, n);
        double[] b = whenFalse.eval(frame, n);
        double[] out = frame.numberScratch(id, n);
        for (int i = 0; i < n; i++) {
            out[i] = c[i] ? a[i] : b[i];
        }
        return out;
    }
}
