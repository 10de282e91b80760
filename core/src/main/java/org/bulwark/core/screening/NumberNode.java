package org.bulwark.core.screening;

/** A compiled number expression, evaluated over all rows of a frame at once (double arithmetic). */
interface NumberNode {

    /** The values of the first {@code n} rows; the array belongs to the frame and may be longer than {@code n}. */
    double[] eval(Frame frame, int n);

    /** Whether all rows have the same value (constants, parameters), so {@link #uniformValue} can stand for them. */
    default boolean uniform() {
        return false;
    }

    /** The value of every row, when {@link #uniform()}. */
    default double uniformValue(Frame frame) {
        throw new UnsupportedOperationException("not uniform");
    }
}
