package org.bulwark.core.screening;

/** {@code condition ? a : b} on flags. */
record BoolChoice(int id, BoolNode condition, BoolNode whenTrue, BoolNode whenFalse) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] c = condition.eval(frame, n);
        boolean[] a = whenTrue.eval(frame, n);
        boolean[] b = whenFalse.eval(frame, n);
        boolean[] out = frame.flagScratch(id, n);
        for (int i = 0; i < n; i++) {
            out[i] = c[i] ? a[i] : b[i];
        }
        return out;
    }
}
