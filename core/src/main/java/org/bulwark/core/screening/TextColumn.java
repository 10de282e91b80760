package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A dictionary-encoded text column: code 0 is the empty text, which is also what a missing value reads as. */
final class TextColumn {

    private int[] codes;
    private final List<String> dictionary = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    TextColumn(int capacity) {
        codes = new int[capacity];
        code("");
    }

    /** A column over existing codes into a dictionary whose entry 0 must be the empty text; codes are not copied. */
    static TextColumn of(int[] codes, List<String> dictionary) {
        if (dictionary.isEmpty() || !dictionary.get(0).isEmpty()) {
            throw new IllegalArgumentException("a text dictionary starts with the empty text");
        }
        TextColumn column = new TextColumn(0);
        column.codes = codes;
        for (int i = 1; i < dictionary.size(); i++) {
            if (column.index.putIfAbsent(dictionary.get(i), i) != null) {
                throw new IllegalArgumentException("text '" + dictionary.get(i) + "' is twice in the dictionary");
            }
            column.dictionary.add(dictionary.get(i));
        }
        for (int code : codes) {
            if (code < 0 || code >= dictionary.size()) {
                throw new IllegalArgumentException("text code " + code + " is not in the dictionary");
            }
        }
        return column;
    }

    int[] codes() {
        return codes;
    }

    String value(int row) {
        return dictionary.get(codes[row]);
    }

    /** The code of a text, or -1 when no row has it. */
    int codeOf(String text) {
        Integer code = index.get(text);
        return code == null ? -1 : code;
    }

    void set(int row, String text) {
        if (row >= codes.length) {
            codes = Arrays.copyOf(codes, Math.max(row + 1, codes.length * 2));
        }
        codes[row] = code(text == null ? "" : text);
    }

    /** A copy holding the first {@code size} rows, so that the builder may go on without changing it. */
    TextColumn copy(int size) {
        TextColumn copy = new TextColumn(0);
        copy.codes = Arrays.copyOf(codes, size);
        copy.dictionary.clear();
        copy.dictionary.addAll(dictionary);
        copy.index.clear();
        copy.index.putAll(index);
        return copy;
    }

    private int code(String text) {
        Integer code = index.get(text);
        if (code == null) {
            code = dictionary.size();
            dictionary.add(text);
            index.put(text, code);
        }
        return code;
    }
}
