package org.bulwark.casework;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditDescription;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.contact.PhoneNumber;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.InvalidIdentityNumberException;
import org.bulwark.core.text.TextRules;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-declarations: from the public form (no account, rate-limited, answered with a receipt number) or recorded by a
 * service-window or hotline operator; a cadre accepts one by opening a case for the household, or declines it with a
 * reason.
 */
@Service
@Transactional
public class Declarations {

    private static final String RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int RECEIPT_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<Declaration> DECLARATION = (rs, n) -> {
        long caseId = rs.getLong("case_id");
        Long caseRef = rs.wasNull() ? null : caseId;
        return new Declaration(
                rs.getLong("id"),
                rs.getString("receipt_number"),
                DeclarationChannel.valueOf(rs.getString("channel")),
                rs.getString("village_code"),
                rs.getString("declarant_name"),
                rs.getString("phone"),
                rs.getString("id_number"),
                RiskTypes.parse(rs.getString("risk_types")),
                rs.getString("description"),
                DeclarationStatus.valueOf(rs.getString("status")),
                rs.getString("status_note"),
                caseRef,
                rs.getObject("received_on", LocalDate.class),
                rs.getString("recorded_by"),
                rs.getString("handled_by"),
                rs.getObject("handled_on", LocalDate.class),
                rs.getInt("version"));
    };

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Cases cases;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final PublicFormLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    Declarations(
            JdbcClient jdbc,
            Regions regions,
            Cases cases,
            CurrentUser currentUser,
            CaseworkMessages messages,
            PublicFormLimiter limiter,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.cases = cases;
        this.currentUser = currentUser;
        this.messages = messages;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** A resident's declaration from the public form; {@code client} is the address the limits count by. */
    public DeclarationReceipt submitPublic(DeclarationInput input, String client) {
        // every attempt counts against a generous limit; a mistyped phone must not use up the few declarations an
        // address may store, so only stored declarations count against the strict one
        if (!limiter.allowAttempt(client) || !limiter.canStore(client)) {
            throw limiter.refusal();
        }
        Declaration stored = store(input, DeclarationChannel.PUBLIC_FORM, null);
        limiter.stored(client);
        audit.recordFor(
                "public",
                null,
                AuditRecord.created(
                        "declaration",
                        stored.id(),
                        stored.villageCode(),
                        Map.of("channel", DeclarationChannel.PUBLIC_FORM.name(), "risks", stored.risks())));
        return receiptOf(stored);
    }

    /** The status behind a receipt number, or not found; counted against the same client limits. */
    @Transactional(readOnly = true)
    public DeclarationReceipt status(String receiptNumber, String client) {
        if (!limiter.allowAttempt(client)) {
            throw limiter.refusal();
        }
        String receipt = receiptNumber == null ? "" : receiptNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("select * from declaration where receipt_number = :r")
                .param("r", receipt)
                .query(DECLARATION)
                .optional()
                .map(this::receiptOf)
                .orElseThrow(() -> new NotFoundException("receipt", receipt));
    }

    /** A declaration taken at a service window or on the hotline by a signed-in operator. */
    public Declaration record(DeclarationInput input, String channel) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        DeclarationChannel taken = DeclarationChannel.operated(channel)
                .orElseThrow(() -> InvalidInputException.of("channel", "invalid", "service window or hotline"));
        if (input.villageCode() != null && !user.scope().covers(input.villageCode())) {
            throw InvalidInputException.of("villageCode", "outside_scope", "is not a village within your scope");
        }
        Declaration stored = store(input, taken, user.getUsername());
        audit.record(AuditRecord.created(
                "declaration",
                stored.id(),
                stored.villageCode(),
                Map.of("channel", taken.name(), "risks", stored.risks())));
        return stored;
    }

    /** Declarations of the user's scope, those waiting first. */
    @Transactional(readOnly = true)
    public List<Declaration> list(String status, int limit) {
        return jdbc.sql("""
                select * from declaration where village_code like :scope
                  and (cast(:status as text) is null or status = :status)
                order by status = 'RECEIVED' desc, received_on, id limit :limit
                """)
                .param("scope", currentUser.scope().likePattern())
                .param("status", status)
                .param("limit", limit)
                .query(DECLARATION)
                .list();
    }

    /** One declaration of the user's scope. */
    @Transactional(readOnly = true)
    public Declaration get(long id) {
        return jdbc.sql("select * from declaration where id = :id and village_code like :scope")
                .param("id", id)
                .param("scope", currentUser.scope().likePattern())
                .query(DECLARATION)
                .optional()
                .orElseThrow(() -> new NotFoundException("declaration", id));
    }

    /**
     * The phone number a resident left, in full, for the roles that may see personal data unmasked — a cadre calls
     * before the visit; every such read is in the audit log.
     */
    public String revealPhone(long id) {
        currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        Declaration declaration = get(id);
        audit.record(new AuditRecord(
                        AuditAction.REVEAL,
                        "declaration",
                        String.valueOf(id),
                        declaration.villageCode(),
                        null,
                        null,
                        null)
                .described("revealedField", AuditDescription.field("/phone")));
        return declaration.phone();
    }

    /** Accepts a declaration: opens the identification case of the registered household it concerns. */
    public SupportCase accept(long id, int version, long householdId) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        Declaration declaration = waiting(id, version);
        SupportCase opened = cases.open(new OpenCaseInput(
                householdId,
                Channel.SELF_DECLARATION,
                id,
                declaration.receivedOn(),
                declaration.risks(),
                declaration.description()));
        if (!opened.villageCode().equals(declaration.villageCode())) {
            throw InvalidInputException.of(
                    "householdId", "other_village", messages.text(Refusal.of("declaration_other_village")));
        }
        close(declaration, DeclarationStatus.ACCEPTED, null, opened.id(), user);
        return opened;
    }

    /**
     * Attaches a declaration to the case already under way for the household it concerns (a second declaration, or
     * one made while a warning's case runs): the case lists it, and the resident's receipt says it is being handled
     * with that case. Only for a case of the user's region, of the declaration's village.
     */
    public Declaration attach(long id, int version, long householdId) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        Declaration declaration = waiting(id, version);
        SupportCase open = cases.openCaseOf(householdId)
                .orElseThrow(() -> messages.refused("householdId", List.of(Refusal.of("no_open_case"))));
        if (!open.villageCode().equals(declaration.villageCode())) {
            throw InvalidInputException.of(
                    "householdId", "other_village", messages.text(Refusal.of("declaration_other_village")));
        }
        close(declaration, DeclarationStatus.ATTACHED, null, open.id(), user);
        return get(id);
    }

    /** The declarations attached to a case of the user's region after it was opened, in the order they came. */
    @Transactional(readOnly = true)
    public List<Declaration> attachedTo(long caseId) {
        return jdbc.sql("""
                select * from declaration where case_id = :c and status = 'ATTACHED' and village_code like :scope
                order by received_on, id
                """)
                .param("c", caseId)
                .param("scope", currentUser.scope().likePattern())
                .query(DECLARATION)
                .list();
    }

    /** Declines a declaration with a reason (a duplicate, not a rural resident of the region, no risk found). */
    public Declaration decline(long id, int version, String reason) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", messages.text(Refusal.of("reason_required")));
        }
        Declaration declaration = waiting(id, version);
        close(declaration, DeclarationStatus.DECLINED, reason.strip(), null, user);
        return get(id);
    }

    private Declaration waiting(long id, int version) {
        Declaration declaration = get(id);
        if (declaration.status() != DeclarationStatus.RECEIVED) {
            throw new ConflictException(messages.text(Refusal.of("declaration_handled", declaration.status())));
        }
        if (declaration.version() != version) {
            throw new ConflictException(messages.text(Refusal.of("changed_meanwhile", id)));
        }
        return declaration;
    }

    private void close(Declaration declaration, DeclarationStatus status, String note, Long caseId, BulwarkUser user) {
        int changed = jdbc.sql("""
                update declaration set status = :status, status_note = :note, case_id = :case, handled_by = :by,
                    handled_on = :today, version = version + 1
                where id = :id and version = :version and status = 'RECEIVED'
                """)
                .param("status", status.name())
                .param("note", note)
                .param("case", caseId)
                .param("by", user.getUsername())
                .param("today", LocalDate.now(clock))
                .param("id", declaration.id())
                .param("version", declaration.version())
                .update();
        if (changed == 0) {
            throw new ConflictException(messages.text(Refusal.of("changed_meanwhile", declaration.id())));
        }
        AuditRecord record = AuditRecord.updated(
                "declaration",
                declaration.id(),
                declaration.villageCode(),
                Map.of("status", declaration.status().name()),
                Map.of("status", status.name(), "note", String.valueOf(note), "case", String.valueOf(caseId)));
        audit.record(status == DeclarationStatus.ATTACHED ? record.described("declarationAttached", caseId) : record);
    }

    private Declaration store(DeclarationInput input, DeclarationChannel channel, String recordedBy) {
        LocalDate today = LocalDate.now(clock);
        String name = input.declarantName() == null ? "" : input.declarantName().strip();
        Optional<PhoneNumber> phone = PhoneNumber.parse(input.phone());
        String idNumber = input.idNumber() == null || input.idNumber().isBlank()
                ? null
                : input.idNumber().strip().toUpperCase(Locale.ROOT);
        String description =
                input.description() == null ? null : input.description().strip();
        List<FieldProblem> problems = new ArrayList<>();
        checkDeclarant(name, phone.isPresent(), idNumber, today, problems);
        checkDeclared(input, description, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into declaration (receipt_number, channel, village_code, declarant_name, phone, id_number,
                    risk_types, description, received_on, recorded_by)
                values (:receipt, :channel, :village, :name, :phone, :idNumber, :risks, :description, :today, :by)
                returning id
                """)
                .param("receipt", newReceipt())
                .param("channel", channel.name())
                .param("village", input.villageCode())
                .param("name", name)
                .param("phone", phone.orElseThrow().value())
                .param("idNumber", idNumber)
                .param("risks", RiskTypes.join(EnumSet.copyOf(input.risks())))
                .param("description", description)
                .param("today", today)
                .param("by", recordedBy)
                .query(Long.class)
                .single();
        return jdbc.sql("select * from declaration where id = :id")
                .param("id", id)
                .query(DECLARATION)
                .single();
    }

    /** Who declares: a name, a phone number to call back, and an identity number if given, valid. */
    private static void checkDeclarant(
            String name, boolean phoneValid, String idNumber, LocalDate today, List<FieldProblem> problems) {
        if (name.isEmpty()) {
            problems.add(new FieldProblem("declarantName", "required", "your name"));
        } else if (name.length() > 40) {
            problems.add(new FieldProblem("declarantName", "too_long", "is longer than 40 characters"));
        }
        TextRules.name(name).ifPresent(v -> problems.add(new FieldProblem("declarantName", v.code(), v.message())));
        if (!phoneValid) {
            problems.add(new FieldProblem("phone", "phone", PhoneNumber.RULE));
        }
        if (idNumber != null) {
            try {
                IdentityNumber.parse(idNumber, today);
            } catch (InvalidIdentityNumberException e) {
                problems.add(new FieldProblem(
                        "idNumber", "id_" + e.reason().name().toLowerCase(Locale.ROOT), e.getMessage()));
            }
        }
    }

    /** What is declared: a village, one to a few difficulties, and a description of bounded length if given. */
    private void checkDeclared(DeclarationInput input, String description, List<FieldProblem> problems) {
        Optional<Region> village = input.villageCode() == null ? Optional.empty() : regions.find(input.villageCode());
        if (village.isEmpty() || !village.get().isVillage()) {
            problems.add(new FieldProblem("villageCode", "not_village", "choose your village"));
        }
        if (input.risks() == null || input.risks().isEmpty()) {
            problems.add(new FieldProblem("risks", "required", "choose at least one difficulty"));
        } else if (input.risks().size() > RiskType.MAX_PER_HOUSEHOLD) {
            problems.add(new FieldProblem("risks", "too_many", "at most " + RiskType.MAX_PER_HOUSEHOLD));
        }
        if (description != null && description.length() > 500) {
            problems.add(new FieldProblem("description", "too_long", "is longer than 500 characters"));
        }
        TextRules.freeText(description)
                .ifPresent(v -> problems.add(new FieldProblem("description", v.code(), v.message())));
    }

    private DeclarationReceipt receiptOf(Declaration d) {
        return new DeclarationReceipt(
                d.receiptNumber(), d.status(), d.receivedOn(), d.handledOn(), regions.nameOf(d.villageCode()));
    }

    private static String newReceipt() {
        StringBuilder receipt = new StringBuilder(RECEIPT_LENGTH);
        for (int i = 0; i < RECEIPT_LENGTH; i++) {
            receipt.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
        }
        return receipt.toString();
    }
}
