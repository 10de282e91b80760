package org.bulwark.core.screening;

import java.util.Arrays;

/** {@code + - * /} on doubles; division by zero gives 0, so that no NaN or infinity ever reaches a comparison. */
record Arithmetic(int id, Operator operator, NumberNode left, NumberNode right) implements NumberNode {

    enum Operator {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE;

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? 0 : a / b;
            };
        }
    }

    @Override
    public double[] eval(Frame frame, int n) {
        double[] out = frame.numberScratch(id, n);
        if (left.uniform() && right.uniform()) {
            Arrays.fill(out, 0, n, uniformValue(frame));
            return out;
        }
        if (right.uniform()) {
            double b = right.uniformValue(frame);
            double[] a = left.eval(frame, n);
            for (int i = 0; i < n; i++) {
                out[i] = operator.apply(a[i], b);
            }
            return out;
        }
        double[] b = right.eval(frame, n);
        if (left.uniform()) {
            double a = left.uniformValue(frame);
            for (int i = 0; i < n; i++) {
                out[i] = operator.apply(a, b[i]);
            }
            return out;
        }
        columnWise(left.eval(frame, n), b, out, n);
        return out;
    }

    /**
     * Applies the operator row by row to two columns, one plain loop per operator (no call per row), so the loop
     * over the rows compiles to straight arithmetic.
     */
    private void columnWise(double[] a, double[] b, double[] out, int n) {
        switch (operator) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b[i] == 0 ? 0 : a[i] / b[i];
                }
            }
        }
    }

    @Override
    public boolean uniform() {
        return left.uniform() && right.uniform();
    }

    @Override
    public double uniformValue(Frame frame) {
        return operator.apply(left.uniformValue(frame), right.uniformValue(frame));
    }
}
