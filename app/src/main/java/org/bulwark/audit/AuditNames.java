package org.bulwark.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * Names a module keeps in its own data rather than in the message files (a rule's title in the rule file), for audit
 * entries that name them by a message key ({@code rules.title.INC-01}): the data stays their one source.
 */
public interface AuditNames {

    /** The name the key stands for, in the reader's language; empty when the key is not one of this source's. */
    Optional<String> name(String key, Locale locale);
}
