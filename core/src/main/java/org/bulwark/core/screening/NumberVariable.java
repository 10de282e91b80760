package org.bulwark.core.screening;

/** A number variable: a feature of the household, or a field or attribute of the record. */
record NumberVariable(int slot) implements NumberNode {

    @Override
    public double[] eval(Frame frame, int n) {
        return frame.numbers(slot, n);
    }
}
