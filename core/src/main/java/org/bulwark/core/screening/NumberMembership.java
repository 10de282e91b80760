package org.bulwark.core.screening;

/** {@code x in [1, 2, 3]}: a number equal to one of constant numbers. */
record NumberMembership(int id, NumberNode operand, double[] constants) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        double[] a = operand.eval(frame, n);
        boolean[] out = frame.flagScratch(id, n);
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (double constant : constants) {
                found |= a[i] == constant;
            }
            out[i] = found;
        }
        return out;
    }
}
