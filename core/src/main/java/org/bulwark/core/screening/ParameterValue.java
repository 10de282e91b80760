package org.bulwark.core.screening;

import java.util.Arrays;

/** A parameter {@code p.<name>}: the same for every row of a run, given at screening time. */
record ParameterValue(int id, int index) implements NumberNode {

    @Override
    public double[] eval(Frame frame, int n) {
        double[] out = frame.numberScratch(id, n);
        Arrays.fill(out, 0, n, frame.parameter(index));
        return out;
    }

    @Override
    public boolean uniform() {
        return true;
    }

    @Override
    public double uniformValue(Frame frame) {
        return frame.parameter(index);
    }
}
