package org.bulwark.core.screening;

/** Logical negation. */
record Not(int id, BoolNode operand) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] a = operand.eval(frame, n);
        boolean[] out = frame.flagScratch(id, n);
        for (int i = 0; i < n; i++) {
            out[i] = !a[i];
        }
        return out;
    }
}
