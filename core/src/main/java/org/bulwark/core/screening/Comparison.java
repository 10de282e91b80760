package org.bulwark.core.screening;

/** {@code < <= > >= == !=} on doubles (exact IEEE comparison; no NaN can arise, see {@link Arithmetic}). */
record Comparison(int id, Operator operator, NumberNode left, NumberNode right) implements BoolNode {

    enum Operator {
        LESS,
        LESS_EQUAL,
        GREATER,
        GREATER_EQUAL,
        EQUAL,
        NOT_EQUAL;

        boolean test(double a, double b) {
            return switch (this) {
                case LESS -> a < b;
                case LESS_EQUAL -> a <= b;
                case GREATER -> a > b;
                case GREATER_EQUAL -> a >= b;
                case EQUAL -> a == b;
                case NOT_EQUAL -> a != b;
            };
        }

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        Operator mirrored() {
            return switch (this) {
                case LESS -> GREATER;
                case LESS_EQUAL -> GREATER_EQUAL;
                case GREATER -> LESS;
                case GREATER_EQUAL -> LESS_EQUAL;
                case EQUAL, NOT_EQUAL -> this;
            };
        }
    }

    @Override
    public boolean[] eval(Frame frame, int n) {
        boolean[] out = frame.flagScratch(id, n);
        if (right.uniform()) {
            compareWithConstant(operator, left.eval(frame, n), right.uniformValue(frame), out, n);
        } else if (left.uniform()) {
            compareWithConstant(operator.mirrored(), right.eval(frame, n), left.uniformValue(frame), out, n);
        } else {
            double[] a = left.eval(frame, n);
            double[] b = right.eval(frame, n);
            for (int i = 0; i < n; i++) {
                out[i] = operator.test(a[i], b[i]);
            }
        }
        return out;
    }

    private static void compareWithConstant(Operator operator, double[] a, double b, boolean[] out, int n) {
        // one loop per operator keeps the comparison out of the loop, which the JIT turns into tight code
        switch (operator) {
            case LESS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < b;
                }
            }
            case LESS_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= b;
                }
            }
            case GREATER -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] > b;
                }
            }
            case GREATER_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] >= b;
                }
            }
            case EQUAL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == b;
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != b;
                }
            }
        }
    }
}
