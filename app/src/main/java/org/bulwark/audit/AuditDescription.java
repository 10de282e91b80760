package org.bulwark.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an audit entry says happened, as a message key ({@code audit.summary.<key>} in messages*.properties) and its
 * arguments, so that each reader reads it in their own language. An argument is plain text (a name, a number), a
 * {@link #label message key} translated when read (a step, a decision, a kind of change), or a {@link #field field}
 * of the entry (a JSON pointer into the values before and after), named by its label when read.
 */
public record AuditDescription(String key, List<Object> args) {

    public AuditDescription {
        args = List.copyOf(args);
    }

    /** A description with these arguments: strings and numbers as text, labels and fields as made here. */
    public static AuditDescription of(String key, Object... args) {
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(arg instanceof Map<?, ?> ? arg : String.valueOf(arg));
        }
        return new AuditDescription(key, values);
    }

    /** An argument read as the text of a message key in the reader's language (e.g. {@code casework.step.X}). */
    public static Map<String, String> label(String messageKey) {
        return Map.of("key", messageKey);
    }

    /** An argument read as the label of a value of the entry, named by its JSON pointer ({@code /after/phone}). */
    public static Map<String, String> field(String pointer) {
        return Map.of("field", pointer);
    }
}
