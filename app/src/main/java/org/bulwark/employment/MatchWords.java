package org.bulwark.employment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bulwark.core.employment.MatchReason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a match's reasons into sentences of the reader's language ({@code employment.reason.*}): data keeps kinds and
 * figures only, so pages, the API and other modules' pages word them alike.
 */
@Component("matchWords")
public class MatchWords {

    private final MessageSource messages;

    MatchWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The reasons as sentences, in the order the match gives them. */
    public List<String> sentences(List<MatchReason> reasons, Locale locale) {
        return reasons.stream().map(r -> sentence(r, locale)).toList();
    }

    /** One reason as a sentence. */
    public String sentence(MatchReason reason, Locale locale) {
        return messages.getMessage("employment.reason." + reason.kind(), figures(reason, locale), locale);
    }

    private Object[] figures(MatchReason reason, Locale locale) {
        if (reason instanceof MatchReason.Distance d) {
            return new Object[] {word("employment.distance." + d.reach(), locale)};
        }
        if (reason instanceof MatchReason.KindOfWork k) {
            return new Object[] {word("enum.WorkKind." + k.work(), locale)};
        }
        if (reason instanceof MatchReason.Wage w) {
            return new Object[] {w.wage(), w.current() != null ? w.current() : w.wished()};
        }
        MatchReason.SkillsUsed s = (MatchReason.SkillsUsed) reason;
        return new Object[] {
            s.skills().stream()
                    .sorted()
                    .map(skill -> word("enum.Skill." + skill, locale))
                    .collect(Collectors.joining(listSeparator(locale)))
        };
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String listSeparator(Locale locale) {
        return messages.getMessage("employment.listSeparator", null, "、", locale);
    }
}
