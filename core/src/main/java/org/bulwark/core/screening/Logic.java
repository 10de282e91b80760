package org.bulwark.core.screening;

/**
 * {@code &&} and {@code ||}. Both sides are computed for every row: since no expression can fail or have effects,
 * this gives what CEL's short-circuit (and commutative error-absorbing) evaluation gives.
 */
record Logic(int id, boolean and, BoolNode left, BoolNode right) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] a = left.eval(frame, n);
        boolean[] b = right.eval(frame, n);
        boolean[] out = frame.flagScratch(id, n);
        if (and) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] & b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] | b[i];
            }
        }
        return out;
    }
}
