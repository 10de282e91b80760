package org.bulwark.screening;

import java.util.Locale;
import java.util.Optional;
import org.bulwark.audit.AuditNames;
import org.springframework.stereotype.Component;

/** Rule titles for the audit texts ({@code rules.title.<rule>}), from the rule file in force. */
@Component
class RuleTitleNames implements AuditNames {

    static final String PREFIX = "rules.title.";

    private final RuleBook rules;

    RuleTitleNames(RuleBook rules) {
        this.rules = rules;
    }

    @Override
    public Optional<String> name(String key, Locale locale) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = key.substring(PREFIX.length());
        return rules.active().rule(id).map(rule -> rule.title(locale));
    }
}
