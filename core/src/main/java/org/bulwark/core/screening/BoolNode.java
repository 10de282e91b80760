package org.bulwark.core.screening;

/** A compiled boolean expression, evaluated over all rows of a frame at once. */
interface BoolNode {

    /** The values of the first {@code n} rows; the array belongs to the frame and may be longer than {@code n}. */
    boolean[] eval(Frame frame, int n);
}
