package org.bulwark.core.screening;

/** Unary minus. */
record Negation(int id, NumberNode operand) implements NumberNode {

    @Override
    public double[] eval(Frame frame, int n) {
        double[] out = frame.numberScratch(id, n);
        double[] a = operand.eval(frame, n);
        for (int i = 0; i < n; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    @Override
    public boolean uniform() {
        return operand.uniform();
    }

    @Override
    public double uniformValue(Frame frame) {
        return -operand.uniformValue(frame);
    }
}
