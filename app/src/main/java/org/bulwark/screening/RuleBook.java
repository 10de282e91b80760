package org.bulwark.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bulwark.core.screening.ActiveParameters;
import org.bulwark.core.screening.Parameters;
import org.bulwark.core.screening.RuleException;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The active rule set: the shipped default ({@code screening/rules.yaml}) or a province's own file
 * ({@code bulwark.screening.rules}). A file that does not load stops the start with the rule, line and reason.
 */
@Component
public class RuleBook implements ActiveParameters {

    private final RuleSet active;
    private final String activeText;

    RuleBook(@Value("${bulwark.screening.rules:}") String file) throws IOException {
        if (file == null || file.isBlank()) {
            try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("screening/rules.yaml")) {
                this.activeText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            this.active = RuleSet.load(new StringReader(activeText), "screening/rules.yaml");
        } else {
            this.activeText = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            this.active = RuleSet.load(new StringReader(activeText), file);
        }
    }

    /** The parameters of the rules in force for a province and year. */
    @Override
    public Parameters parameters(String provinceCode, int year) {
        return active().parameters(provinceCode, year);
    }

    /** The rules in force. */
    public RuleSet active() {
        return active;
    }

    /**
     * A rule's title in the reader's language, from the rule file in force (its {@code title_en} on English pages):
     * the one source of rule titles for pages. A rule no longer in the file reads as its number.
     */
    public String title(String ruleId, Locale locale) {
        return active.rule(ruleId).map(rule -> rule.title(locale)).orElse(ruleId);
    }

    /** The text of the rule file in force, from which drafts are made. */
    public String activeText() {
        return activeText;
    }

    /** Loads a draft rule file (for shadow runs); refuses it with the engine's reason when it does not load. */
    public static RuleSet draft(String yaml, String name) {
        try {
            return RuleSet.load(new StringReader(yaml), name);
        } catch (RuleException e) {
            throw InvalidInputException.of("rules", "rules_invalid", e.getMessage());
        }
    }
}
