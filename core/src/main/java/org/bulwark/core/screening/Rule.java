package org.bulwark.core.screening;

import java.util.List;
import java.util.Locale;

/**
 * A screening rule as written in the rule file.
 *
 * @param titleZh      the title in Chinese
 * @param titleEn      the title on English pages, or null (then the Chinese one)
 * @param riskType     the risk type a hit raises (for upward rules, {@code misidentification} unless given)
 * @param level        the level as written: a level name or a CEL expression choosing one
 * @param deadlineDays days from the as-of date to the deadline of a warning
 * @param version      the rule's version (the rule file's unless the rule gives its own)
 * @param features     names of the rule's features, in file order
 * @param line         line of the rule in its file
 */
public record Rule(
        String id,
        String titleZh,
        String titleEn,
        Direction direction,
        String riskType,
        String level,
        int deadlineDays,
        String version,
        String when,
        List<String> features,
        int line) {

    /** Copies the feature list. */
    public Rule {
        features = List.copyOf(features);
    }

    /** The title in the reader's language: English for English when the file gives one, Chinese otherwise. */
    public String title(Locale locale) {
        return titleEn != null && locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
