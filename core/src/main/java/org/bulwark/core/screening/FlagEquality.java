package org.bulwark.core.screening;

/** {@code ==} or {@code !=} between two flags. */
record FlagEquality(int id, boolean equal, BoolNode left, BoolNode right) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] a = left.eval(frame, n);
        boolean[] b = right.eval(frame, n);
        boolean[] out = frame.flagScratch(id, n);
        for (int i = 0; i < n; i++) {
            out[i] = (a[i] == b[i]) == equal;
        }
        return out;
    }
}
