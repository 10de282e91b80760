package org.bulwark.audit;

import static org.bulwark.audit.AuditDescription.field;
import static org.bulwark.audit.AuditDescription.label;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences the platform wrote into the audit log before entries carried a message key (and the few writers that
 * still write text: department data imports, generated demo and benchmark data), recognised and said again as a
 * {@link AuditDescription}, so that old entries read in the reader's language like new ones. The log itself is never
 * rewritten (its hash chain covers every entry as written); a sentence not recognised is shown as it was written.
 */
final class LegacySummaries {

    private record Form(
            AuditAction action, String entityType, Pattern pattern, Function<Matcher, AuditDescription> description) {}

    private static final List<Form> FORMS = List.of(
            form(AuditAction.LOGIN, "user", "signed in", m -> AuditDescription.of("signedIn")),
            form(AuditAction.CREATE, "user", "account created", m -> AuditDescription.of("accountCreated")),
            form(
                    AuditAction.LOCKOUT,
                    "user",
                    "locked after ([0-9]+) refused sign-ins",
                    m -> AuditDescription.of("lockedOut", m.group(1))),
            form(
                    AuditAction.LOGIN,
                    "user",
                    "second factor passed \\((.+)\\)",
                    m -> AuditDescription.of("secondFactorPassed", method(m.group(1)))),
            form(
                    AuditAction.LOGIN_FAILED,
                    "user",
                    "second factor refused \\((.+)\\)",
                    m -> AuditDescription.of("secondFactorRefused", method(m.group(1)))),
            form(
                    AuditAction.LOGIN_FAILED,
                    "user",
                    "([A-Za-z]+Exception)",
                    m -> AuditDescription.of("signInRefused", label("audit.signInFailure." + m.group(1)))),
            form(
                    AuditAction.UPDATE,
                    "user",
                    "(.+): second factor (enrolled|disabled|reset|recovery code used)",
                    m -> AuditDescription.of(
                            "secondFactorChanged", m.group(1), label("audit.secondFactor." + code(m.group(2))))),
            form(
                    AuditAction.UPDATE,
                    "user",
                    "(.+): (disabled|enabled|unlocked|password reset|password changed|profile changed)",
                    m -> AuditDescription.of(
                            "accountChanged", m.group(1), label("audit.accountChange." + code(m.group(2))))),
            form(
                    null,
                    "access_token",
                    "access token (.+) (created|revoked|used)",
                    m -> AuditDescription.of("token" + capitalised(m.group(2)), m.group(1))),
            form(
                    AuditAction.REVEAL,
                    "audit_entry",
                    "revealed (/.+)",
                    m -> AuditDescription.of("revealedValue", field(m.group(1)))),
            form(AuditAction.REVEAL, "household", "revealed phone", m -> AuditDescription.of("revealedPhone")),
            form(
                    AuditAction.REVEAL,
                    "person",
                    "revealed ([A-Za-z]+)",
                    m -> AuditDescription.of("revealedField", field("/" + m.group(1)))),
            form(AuditAction.REVEAL, "case_attachment", "download", m -> AuditDescription.of("attachmentDownloaded")),
            form(
                    AuditAction.UPDATE,
                    "warning",
                    "([a-z]+) (\\S+)",
                    m -> AuditDescription.of(
                            "warningStatus",
                            label("warning.status." + m.group(1).toUpperCase(Locale.ROOT)),
                            label("rules.title." + m.group(2)))),
            form(
                    AuditAction.CREATE,
                    "case",
                    "open ([a-z]+) case",
                    m -> AuditDescription.of(
                            "caseOpened", label("casework.kind." + m.group(1).toUpperCase(Locale.ROOT)))),
            form(
                    AuditAction.UPDATE,
                    "case",
                    "([A-Z_]+) ([A-Z_]+)",
                    m -> AuditDescription.of(
                            "caseStep",
                            label("casework.step." + m.group(1)),
                            label("casework.decision." + m.group(2)))),
            form(
                    AuditAction.UPDATE,
                    "household",
                    "category by casework",
                    m -> AuditDescription.of("categoryByCasework")),
            form(
                    AuditAction.REFUSED,
                    "person",
                    "registration refused: identity number registered outside the user's region",
                    m -> AuditDescription.of("registrationRefused")),
            form(
                    AuditAction.REFUSED,
                    "household",
                    "a member's identity number was entered in another region",
                    m -> AuditDescription.of("identityProbed")),
            form(
                    AuditAction.EXPORT,
                    "household-list",
                    "exported ([0-9]+) households behind (.+)",
                    m -> AuditDescription.of("householdsExported", m.group(1), m.group(2))),
            form(AuditAction.EXPORT, "batch", "rejected rows", m -> AuditDescription.of("rejectedRowsExported")),
            form(
                    AuditAction.IMPORT,
                    "batch",
                    "([a-z_]+)",
                    m -> AuditDescription.of("batchImported", label("record.category." + m.group(1)))),
            form(
                    AuditAction.IMPORT,
                    "batch",
                    "([a-z_]+): (.+)",
                    m -> AuditDescription.of("batchRefused", label("record.category." + m.group(1)), m.group(2))),
            form(
                    AuditAction.GENERATE,
                    "household",
                    "generated ([0-9]+) households, ([0-9]+) persons, ([0-9]+) income records",
                    m -> AuditDescription.of("demoGenerated", m.group(1), m.group(2), m.group(3))),
            form(
                    AuditAction.GENERATE,
                    "province",
                    "generated province: ([0-9]+) households, ([0-9]+) persons, ([0-9]+) department records",
                    m -> AuditDescription.of("provinceGenerated", m.group(1), m.group(2), m.group(3))));

    private LegacySummaries() {}

    /** The description a sentence of the log says, when it is one the platform wrote. */
    static Optional<AuditDescription> parse(AuditAction action, String entityType, String summary) {
        for (Form form : FORMS) {
            if ((form.action() == null || form.action() == action)
                    && form.entityType().equals(entityType)) {
                Matcher m = form.pattern().matcher(summary);
                if (m.matches()) {
                    return Optional.of(form.description().apply(m));
                }
            }
        }
        return Optional.empty();
    }

    private static Form form(
            AuditAction action, String entityType, String regex, Function<Matcher, AuditDescription> description) {
        return new Form(action, entityType, Pattern.compile(regex), description);
    }

    private static Object method(String method) {
        return label("audit.secondFactorMethod." + code(method));
    }

    /** "password reset" → PASSWORD_RESET, "recovery-code" → RECOVERY_CODE: the enum's name of a lowered code. */
    static String code(String words) {
        return words.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
