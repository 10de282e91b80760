package org.bulwark.core.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of the Chinese words of enum values, as files and forms write them, read both ways: a value's word, and the
 * value a word or a code (any case) names — so that a spreadsheet typed in Chinese and a script sending codes both
 * work. Each module keeps its own table of words; this is how every table is looked up.
 */
public final class EnumWords {

    private final Map<Enum<?>, String> words = new HashMap<>();

    /** Adds a value's word; returns this table, so a module can fill it in one expression. */
    public EnumWords put(Enum<?> value, String word) {
        words.put(value, word);
        return this;
    }

    /** The Chinese word of a value. */
    public String word(Enum<?> value) {
        String word = words.get(value);
        if (word == null) {
            throw new IllegalStateException("no word for " + value);
        }
        return word;
    }

    /** The value a word or a code (any case) names; empty when it names none of the type's values. */
    public <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(t.toUpperCase(Locale.ROOT)) || t.equals(words.get(value))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
