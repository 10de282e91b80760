package org.bulwark.core.screening;

import java.util.Arrays;

/** {@code true} or {@code false}. */
record BoolConstant(int id, boolean value) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] out = frame.flagScratch(id, n);
        Arrays.fill(out, 0, n, value);
        return out;
    }
}
