package org.bulwark.audit;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** Tests read what an entry says as a Chinese reader of the audit page reads it. */
public final class AuditSentences {

    private AuditSentences() {}

    public static String chinese(AuditTexts texts, AuditEntry entry) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            return texts.description(entry);
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    public static List<String> chinese(AuditTexts texts, List<AuditEntry> entries) {
        return entries.stream().map(e -> chinese(texts, e)).toList();
    }
}
