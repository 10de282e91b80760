package org.bulwark.casework;

/** Where a measure of a support plan stands; the names are the values of {@code plan_measure.status}. */
public enum MeasureStatus {
    /** Agreed, not yet delivered: the only status a measure may leave. */
    PLANNED,
    /** Delivered to the household on a recorded day. */
    DELIVERED,
    /** Dropped before delivery. */
    CANCELLED
}
