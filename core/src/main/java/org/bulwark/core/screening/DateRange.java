package org.bulwark.core.screening;

/** Days from {@code from} to {@code to}, both included, as epoch days. */
record DateRange(int from, int to) {

    boolean contains(int epochDay) {
        return epochDay >= from && epochDay <= to;
    }
}
