package org.bulwark.core.screening;

import java.util.Arrays;

/** A rule's level: fixed, or chosen per household by conditions ({@code cond ? 'red' : 'orange'}). */
sealed interface LevelNode {

    /** The level of each of the first {@code n} rows. */
    WarningLevel[] eval(Frame frame, int n);

    /** The level when it does not depend on the household, else {@code null}. */
    default WarningLevel fixed() {
        return null;
    }

    /** A fixed level. */
    record Fixed(int id, WarningLevel level) implements LevelNode {
        @Override
        public WarningLevel fixed() {
            return level;
        }

        @Override
        public WarningLevel[] eval(Frame frame, int n) {
            WarningLevel[] out = frame.levelScratch(id, n);
            Arrays.fill(out, 0, n, level);
            return out;
        }
    }

    /** A level chosen by a condition. */
    record Choice(int id, BoolNode condition, LevelNode whenTrue, LevelNode whenFalse) implements LevelNode {
        @Override
        public WarningLevel[] eval(Frame frame, int n) {
            boolean[] c = condition.eval(frame, n);
            WarningLevel[] a = whenTrue.eval(frame, n);
            WarningLevel[] b = whenFalse.eval(frame, n);
            WarningLevel[] out = frame.levelScratch(id, n);
            for (int i = 0; i < n; i++) {
                out[i] = c[i] ? a[i] : b[i];
            }
            return out;
        }
    }
}
