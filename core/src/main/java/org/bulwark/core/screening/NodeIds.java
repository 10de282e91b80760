package org.bulwark.core.screening;

/** Hands out node ids, which index each frame's scratch arrays; one sequence per rule set. */
final class NodeIds {

    private int next;

    int next() {
        return next++;
    }

    int count() {
        return next;
    }
}
