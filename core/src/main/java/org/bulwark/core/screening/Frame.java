package org.bulwark.core.screening;

/**
 * The rows an expression is evaluated over at once — a chunk of households or the selected records of one category —
 * and the scratch arrays its nodes write into. Each worker thread owns its frames, so nodes stay stateless and
 * shareable. Arrays a frame hands out belong to it and are only valid until the frame moves on.
 */
abstract class Frame {

    private final double[] parameters;
    private final double[][] numberScratch;
    private final boolean[][] flagScratch;
    private final WarningLevel[][] levelScratch;

    Frame(double[] parameters, int nodeCount) {
        this.parameters = parameters;
        this.numberScratch = new double[nodeCount][];
        this.flagScratch = new boolean[nodeCount][];
        this.levelScratch = new WarningLevel[nodeCount][];
    }

    double parameter(int index) {
        return parameters[index];
    }

    /** Values of a number variable for the first {@code n} rows. */
    abstract double[] numbers(int slot, int n);

    /** Values of a flag variable for the first {@code n} rows. */
    abstract boolean[] flags(int slot, int n);

    /** Dictionary codes of a text variable for the first {@code n} rows. */
    abstract int[] textCodes(int slot, int n);

    /** The code a text has in a text variable's dictionary, or -1 when no row can have it. */
    abstract int textCode(int slot, String text);

    double[] numberScratch(int node, int n) {
        double[] scratch = numberScratch[node];
        if (scratch == null || scratch.length < n) {
            scratch = new double[grown(n)];
            numberScratch[node] = scratch;
        }
        return scratch;
    }

    boolean[] flagScratch(int node, int n) {
        boolean[] scratch = flagScratch[node];
        if (scratch == null || scratch.length < n) {
            scratch = new boolean[grown(n)];
            flagScratch[node] = scratch;
        }
        return scratch;
    }

    WarningLevel[] levelScratch(int node, int n) {
        WarningLevel[] scratch = levelScratch[node];
        if (scratch == null || scratch.length < n) {
            scratch = new WarningLevel[grown(n)];
            levelScratch[node] = scratch;
        }
        return scratch;
    }

    /** Room for a little more than asked, so that slowly growing record selections do not reallocate every time. */
    static int grown(int n) {
        return Math.max(64, n + (n >> 2));
    }
}
