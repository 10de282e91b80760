package org.bulwark.core.screening;

import java.util.Arrays;

/** A number literal. */
record NumberConstant(int id, double value) implements NumberNode {

    @Override
    public double[] eval(Frame frame, int n) {
        double[] out = frame.numberScratch(id, n);
        Arrays.fill(out, 0, n, value);
        return out;
    }

    @Override
    public boolean uniform() {
        return true;
    }

    @Override
    public double uniformValue(Frame frame) {
        return value;
    }
}
