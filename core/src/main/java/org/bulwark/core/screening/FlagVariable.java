package org.bulwark.core.screening;

/** A flag variable: a feature of the household, or a field or attribute of the record. */
record FlagVariable(int slot) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        return frame.flags(slot, n);
    }
}
