package org.bulwark.core.screening;

import java.util.List;

/**
 * A text variable compared with constants: {@code kind == 'inpatient'}, {@code grade != 'A'},
 * {@code grade in ['C', 'D']}. Comparison is exact (case and blanks matter); a missing value is the empty text.
 */
record TextMatch(int id, int slot, List<String> constants, boolean negated) implements BoolNode {

    @Override
    public boolean[] eval(Frame frame, int n) {
        int[] codes = frame.textCodes(slot, n);
        boolean[] out = frame.flagScratch(id, n);
        if (constants.size() == 1) {
            int code = frame.textCode(slot, constants.get(0));
            for (int i = 0; i < n; i++) {
                out[i] = (codes[i] == code) != negated;
            }
            return out;
        }
        int[] wanted = new int[constants.size()];
        for (int k = 0; k < wanted.length; k++) {
            wanted[k] = frame.textCode(slot, constants.get(k));
        }
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int code : wanted) {
                found |= codes[i] == code;
            }
            out[i] = found != negated;
        }
        return out;
    }
}
