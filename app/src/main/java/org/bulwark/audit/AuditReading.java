package org.bulwark.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserNames;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading the audit log as a person, not as the platform: the log keeps every value in full (its hash chain covers
 * them), but a reader sees them under the rules of every other read, whatever their role — identity and phone
 * numbers masked, revealed one value at a time with REVEAL_PERSONAL_DATA and each reveal audited; health,
 * disability, medical and bank values only with READ_SENSITIVE_DATA.
 */
@Service
public class AuditReading {

    private final AuditLog log;
    private final CurrentUser currentUser;
    private final AuditValues values;
    private final AuditTexts texts;
    private final AuditLines lines;
    private final UserNames userNames;
    private final List<AuditedHouseholds> households;

    AuditReading(
            AuditLog log,
            CurrentUser currentUser,
            ObjectMapper json,
            AuditTexts texts,
            UserNames userNames,
            List<AuditedHouseholds> households) {
        this.log = log;
        this.currentUser = currentUser;
        this.values = new AuditValues(json);
        this.texts = texts;
        this.lines = new AuditLines(texts, json);
        this.userNames = userNames;
        this.households = households;
    }

    /**
     * One page of the entries of the reader's region that the query lets through, newest first, each as the reader
     * may see it and in the reader's language. Every part of the query is a condition of one SQL query on the log.
     */
    @Transactional(readOnly = true)
    public AuditPage page(AuditQuery query, int size) {
        BulwarkUser reader = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        requirePlain("who", query.who());
        requirePlain("entityType", query.entityType());
        requirePlain("entityId", query.entityId());
        int page = Math.max(1, query.page());
        Long household = null;
        Map<String, List<String>> objects = null;
        if (query.household() != null) {
            if (!query.household().matches("[0-9]{16}")) {
                throw InvalidInputException.of("household", "invalid", "must be a 16-digit household number");
            }
            household = households.stream()
                    .map(h -> h.find(query.household(), reader.scope()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
            if (household == null) {
                return new AuditPage(
                        List.of(),
                        page,
                        size,
                        false,
                        texts.message("audit.filter.householdUnknown", new Object[] {query.household()}, ""));
            }
            objects = partsOf(household);
        }
        AuditFilter filter = new AuditFilter(
                usernames(query.who()),
                action(query.action()),
                query.entityType(),
                query.entityId(),
                objects,
                household,
                startOf(query.from(), "from", 0),
                startOf(query.to(), "to", 1));
        List<AuditEntry> found = log.filtered(reader.scope(), filter, (page - 1L) * size, size + 1);
        boolean sensitive = reader.can(Role.Permission.READ_SENSITIVE_DATA);
        List<AuditView> views =
                found.stream().limit(size).map(e -> view(e, sensitive)).toList();
        Map<String, UserNames.Named> names = new HashMap<>(
                userNames.byUsernames(views.stream().map(AuditView::username).toList()));
        Function<String, UserNames.Named> people = u -> names.containsKey(u) ? names.get(u) : lookUp(u, names);
        return new AuditPage(
                views.stream().map(v -> lines.line(v, people)).toList(), page, size, found.size() > size, null);
    }

    /** One more person a value names (a helper), remembered for the page, also when they have no account. */
    private UserNames.Named lookUp(String username, Map<String, UserNames.Named> names) {
        UserNames.Named named = userNames.byUsernames(List.of(username)).get(username);
        names.put(username, named);
        return named;
    }

    /** The household itself (under its own id) and the objects each module says belong to it. */
    private Map<String, List<String>> partsOf(long household) {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        objects.put("household", List.of(String.valueOf(household)));
        for (AuditedHouseholds module : households) {
            module.parts(household)
                    .forEach((type, ids) -> objects.computeIfAbsent(type, t -> new ArrayList<>())
                            .addAll(ids));
        }
        return objects;
    }

    /** The user names a typed name stands for: accounts whose name contains it, and the text as a user name. */
    private List<String> usernames(String who) {
        if (who == null) {
            return null;
        }
        List<String> usernames = new ArrayList<>(userNames.matching(who, 200));
        if (!usernames.contains(who)) {
            // "system", "public" and the principals of a replayed history have no account
            usernames.add(who);
        }
        return usernames;
    }

    private static AuditAction action(String action) {
        if (action == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("action", "invalid", "must be one of " + List.of(AuditAction.values()));
        }
    }

    /** The start of a day (or of the day after, for the last day of a range) in the platform's time zone. */
    private static Instant startOf(String day, String parameter, int plusDays) {
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day)
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneId.systemDefault())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(parameter, "invalid", "must be a date (yyyy-MM-dd)");
        }
    }

    /** Recent entries of the reader's region, newest first, as the reader may see them. */
    @Transactional(readOnly = true)
    public List<AuditView> recent(String entityType, String entityId, int limit) {
        BulwarkUser reader = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        requirePlain("entityType", entityType);
        requirePlain("entityId", entityId);
        boolean sensitive = reader.can(Role.Permission.READ_SENSITIVE_DATA);
        return log.recent(reader.scope(), entityType, entityId, limit).stream()
                .map(e -> view(e, sensitive))
                .toList();
    }

    /**
     * The full value behind one masked value of an entry of the reader's region, for readers who may reveal personal
     * data; the reveal is itself audited (who, which entry, which value).
     */
    @Transactional
    public String reveal(long entryId, String pointer) {
        currentUser.requirePermission(Role.Permission.READ_AUDIT);
        BulwarkUser reader = currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        AuditEntry entry =
                log.find(reader.scope(), entryId).orElseThrow(() -> new NotFoundException("audit entry", entryId));
        String value = values.revealable(entry, pointer == null ? "" : pointer.strip())
                .orElseThrow(
                        () -> InvalidInputException.of("pointer", "not_masked", "names no masked value of this entry"));
        log.record(new AuditRecord(
                        AuditAction.REVEAL,
                        "audit_entry",
                        String.valueOf(entryId),
                        entry.regionCode(),
                        null,
                        null,
                        null)
                .described("revealedValue", AuditDescription.field(pointer.strip())));
        return value;
    }

    /** A filter is a short code or id: control characters (a NUL would break the query) and long text are refused. */
    private static void requirePlain(String parameter, String value) {
        if (value != null && (value.length() > 100 || value.chars().anyMatch(Character::isISOControl))) {
            throw InvalidInputException.of(parameter, "invalid", "must be a code or an id without control characters");
        }
    }

    private AuditView view(AuditEntry e, boolean sensitive) {
        AuditValues.Shown before = values.show(e.before(), "before", sensitive);
        AuditValues.Shown after = values.show(e.after(), "after", sensitive);
        List<AuditView.MaskedValue> masked = new ArrayList<>(before.masked());
        masked.addAll(after.masked());
        List<String> withheld = new ArrayList<>(before.withheld());
        withheld.addAll(after.withheld());
        return new AuditView(
                e.id(),
                e.at(),
                e.username(),
                e.role(),
                e.action(),
                e.entityType(),
                AuditValues.maskText(e.entityId()),
                e.regionCode(),
                e.channel(),
                AuditValues.maskText(e.summary()),
                before.json(),
                after.json(),
                masked,
                withheld,
                e.summaryKey(),
                e.summaryArgs(),
                texts.description(e));
    }
}
