package org.bulwark.screening.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the named fields out of a department record's JSON document, each as the text PostgreSQL's
 * {@code json_to_record} gives for a text column: a string unescaped, a number, {@code true} or {@code false} as
 * written, an object or an array as its JSON text, JSON {@code null} as no value, and of duplicate keys the last.
 * The store's copy reads tens of millions of documents: PostgreSQL spent about 2.6 µs on each (BENCHMARKS.md, the
 * store's copy), where this scan over the bytes takes a fraction of it, and the documents then cross as they are
 * stored. Keys are matched on their bytes; only the values picked become strings.
 */
final class DocumentFields {

    private final byte[][] names;
    private final String[] nameTexts;
    private byte[] doc;
    private int from;
    private int at;
    private int end;

    /** The fields by a hash of their name's bytes, open addressing: field position + 1, 0 for an empty slot. */
    private final int[] slots;

    /** The fields to pick, in the order of the cells {@link #read} fills. */
    DocumentFields(List<String> fields) {
        names = new byte[fields.size()][];
        nameTexts = fields.toArray(String[]::new);
        slots = new int[Integer.highestOneBit(Math.max(1, fields.size()) * 4) * 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).getBytes(StandardCharsets.UTF_8);
            int slot = hash(names[i], 0, names[i].length) & (slots.length - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = i + 1;
        }
    }

    private static int hash(byte[] bytes, int start, int stop) {
        int h = 0;
        for (int i = start; i < stop; i++) {
            h = h * 31 + bytes[i];
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /**
     * Reads the document in {@code bytes} from {@code from} to {@code to} (UTF-8) and sets each cell to its field's
     * text, or null when the document has no such field or it is JSON null.
     *
     * @throws IllegalArgumentException when the document is not a JSON object
     */
    void read(byte[] bytes, int from, int to, String[] cells) {
        Arrays.fill(cells, null);
        doc = bytes;
        this.from = from;
        at = from;
        end = to;
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            return;
        }
        while (true) {
            skipSpace();
            int field = key();
            skipSpace();
            expect(':');
            skipSpace();
            String value = value(field >= 0);
            if (field >= 0) {
                cells[field] = value;
            }
            skipSpace();
            byte next = next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw malformed("',' or '}'");
            }
        }
    }

    /** The key at hand, read past its closing quote: its position among the fields, or -1 when not picked. */
    private int key() {
        if (peek() != '"') {
            throw malformed("a key");
        }
        int start = at + 1;
        // the string is walked once, hashed on the way
        int h = 0;
        boolean escaped = false;
        at = start;
        while (true) {
            if (at >= end) {
                throw malformed("the end of a key");
            }
            byte b = doc[at++];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escaped = true;
                at++;
            }
            h = h * 31 + b;
        }
        int stop = at - 1;
        if (escaped) {
            String name = decode(start, stop);
            for (int i = 0; i < nameTexts.length; i++) {
                if (nameTexts[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        for (int slot = mix(h) & (slots.length - 1); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            if (sameBytes(names[slots[slot] - 1], start, stop)) {
                return slots[slot] - 1;
            }
        }
        return -1;
    }

    private boolean sameBytes(byte[] name, int start, int stop) {
        if (name.length != stop - start) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != doc[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** The value at hand, read past its end; its text when {@code wanted} (null for JSON null), else null. */
    private String value(boolean wanted) {
        byte first = peek();
        int start = at;
        if (first == '"') {
            boolean escaped = skipString();
            if (!wanted) {
                return null;
            }
            return escaped
                    ? decode(start + 1, at - 1)
                    : new String(doc, start + 1, at - 1 - (start + 1), StandardCharsets.UTF_8);
        }
        if (first == '{' || first == '[') {
            skipNested();
        } else {
            while (at < end && !isDelimiter(doc[at])) {
                at++;
            }
            if (at == start) {
                throw malformed("a value");
            }
            if (at - start == 4 && doc[start] == 'n' && doc[start + 1] == 'u') {
                return null;
            }
        }
        return wanted ? new String(doc, start, at - start, StandardCharsets.UTF_8) : null;
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Moves past the string starting at the quote at hand; says whether it holds escapes. */
    private boolean skipString() {
        at++;
        boolean escaped = false;
        while (at < end) {
            byte b = doc[at++];
            if (b == '"') {
                return escaped;
            }
            if (b == '\\') {
                escaped = true;
                at++;
            }
        }
        throw malformed("the end of a string");
    }

    /** Moves past the object or array at hand, strings in it included. */
    private void skipNested() {
        int depth = 0;
        while (at < end) {
            byte b = doc[at];
            if (b == '"') {
                skipString();
                continue;
            }
            at++;
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
        }
        throw malformed("the end of an object or array");
    }

    /** The text of a string's content with its escapes ({@code \n}, {@code \u00e9}, ...) resolved. */
    private String decode(int start, int stop) {
        StringBuilder out = new StringBuilder(stop - start);
        int plain = start;
        int i = start;
        while (i < stop) {
            if (doc[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(doc, plain, i - plain, StandardCharsets.UTF_8));
            byte kind = doc[i + 1];
            if (kind == 'u') {
                out.append((char) Integer.parseInt(new String(doc, i + 2, 4, StandardCharsets.US_ASCII), 16));
                i += 6;
            } else {
                out.append(
                        switch (kind) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> (char) kind;
                        });
                i += 2;
            }
            plain = i;
        }
        return out.append(new String(doc, plain, stop - plain, StandardCharsets.UTF_8))
                .toString();
    }

    private void skipSpace() {
        while (at < end && (doc[at] == ' ' || doc[at] == '\t' || doc[at] == '\n' || doc[at] == '\r')) {
            at++;
        }
    }

    private byte peek() {
        if (at >= end) {
            throw malformed("more");
        }
        return doc[at];
    }

    private byte next() {
        byte b = peek();
        at++;
        return b;
    }

    private void expect(char c) {
        if (next() != c) {
            throw malformed("'" + c + "'");
        }
    }

    private IllegalArgumentException malformed(String wanted) {
        return new IllegalArgumentException("a record's fields are not a JSON object: " + wanted + " expected at "
                + (at - 1 - from) + " in " + new String(doc, from, end - from, StandardCharsets.UTF_8));
    }
}
