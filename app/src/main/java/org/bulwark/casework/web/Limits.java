package org.bulwark.casework.web;

/** The bounds of a list the API answers. */
final class Limits {

    static final int MAX = 5000;

    private Limits() {}

    /** The asked limit, at least one and at most {@link #MAX}. */
    static int clamp(int limit) {
        return Math.min(Math.max(limit, 1), MAX);
    }
}
