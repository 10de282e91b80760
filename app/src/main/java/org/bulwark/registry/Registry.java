package org.bulwark.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditDescription;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.audit.RefusalAudit;
import org.bulwark.core.identity.Masking;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.Relation;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's entry point for pages, the API and other modules. The scope always comes from the signed-in user
 * and goes down into the SQL; a household outside it is "not found". Every change is audited in its transaction.
 */
@Service
@Transactional
public class Registry {

    private final HouseholdRepository households;
    private final HouseholdFinder finder;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RefusalAudit refusals;

    Registry(
            HouseholdRepository households,
            HouseholdFinder finder,
            Regions regions,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            RefusalAudit refusals) {
        this.refusals = refusals;
        this.households = households;
        this.finder = finder;
        this.regions = regions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Searches the households of the user's region. */
    @Transactional(readOnly = true)
    public HouseholdPage search(HouseholdSearch search) {
        if (search.regionCode() != null
                && !search.regionCode().isBlank()
                && RegionCode.tryParse(search.regionCode().strip()).isEmpty()) {
            throw InvalidInputException.of("region", "region_code", "is not a region code of 2, 4, 6, 9 or 12 digits");
        }
        return finder.search(search, currentUser.scope());
    }

    /** The household with its members, if it lies in the user's region. */
    @Transactional(readOnly = true)
    public HouseholdFile file(long householdId) {
        Household household = households
                .household(householdId, currentUser.scope())
                .orElseThrow(() -> new NotFoundException("household", householdId));
        return new HouseholdFile(household, households.members(householdId));
    }

    /** The household with this number, if it lies in the user's region. */
    @Transactional(readOnly = true)
    public HouseholdFile fileByNumber(String householdNumber) {
        Household household = households
                .householdByNumber(householdNumber, currentUser.scope())
                .orElseThrow(() -> new NotFoundException("household", householdNumber));
        return new HouseholdFile(household, households.members(household.id()));
    }

    /** A person, if their household lies in the user's region. */
    @Transactional(readOnly = true)
    public Person person(long personId) {
        return households
                .person(personId, currentUser.scope())
                .orElseThrow(() -> new NotFoundException("person", personId));
    }

    /** The household for an edit form: only roles that may edit the registry (forms show full numbers). */
    @Transactional(readOnly = true)
    public HouseholdFile fileToEdit(long householdId) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        return file(householdId);
    }

    /** A person for an edit form: only roles that may edit the registry. */
    @Transactional(readOnly = true)
    public Person personToEdit(long personId) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        return person(personId);
    }

    /** Refuses unless the signed-in user may edit the registry (for empty forms). */
    public void requireEditor() {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
    }

    /** Registers a household with its members (one of them the head); all or nothing. */
    public HouseholdFile register(HouseholdInput input, List<PersonInput> members) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        RegionScope scope = currentUser.scope();
        RegistryValidator validator = validator();
        List<FieldProblem> problems = RegistryValidator.problems();
        RegistryValidator.ValidHousehold household = validator.household(input, scope, "", problems);
        List<RegistryValidator.ValidPerson> people = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            problems.add(new FieldProblem("members", "required", "a household needs at least one member, its head"));
        } else {
            for (int i = 0; i < members.size(); i++) {
                people.add(validator.person(members.get(i), "members[" + i + "].", problems));
            }
            checkMembers(people, household == null ? null : household.villageCode(), problems);
        }
        throwIfAny(problems);
        String number = households.nextHouseholdNumber(household.villageCode());
        long id = households.insertHousehold(number, household);
        for (RegistryValidator.ValidPerson person : people) {
            households.insertPerson(id, person);
        }
        HouseholdFile file = new HouseholdFile(households.household(id, scope).orElseThrow(), households.members(id));
        audit.record(AuditRecord.created("household", id, household.villageCode(), file));
        events.publishEvent(new HouseholdChanged(id, household.villageCode()));
        return file;
    }

    /** Changes a household's own fields, if nobody changed it since {@code version}. */
    public HouseholdFile update(long householdId, int version, HouseholdInput input) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        RegionScope scope = currentUser.scope();
        Household before = households
                .household(householdId, scope)
                .orElseThrow(() -> new NotFoundException("household", householdId));
        List<FieldProblem> problems = RegistryValidator.problems();
        RegistryValidator.ValidHousehold household = validator().household(input, scope, "", problems);
        throwIfAny(problems);
        if (households.updateHousehold(householdId, version, household, scope) == 0) {
            throw new ConflictException("household " + before.householdNumber()
                    + " was changed by someone else; reload it and apply your change again");
        }
        Household after = households.household(householdId, scope).orElseThrow();
        audit.record(AuditRecord.updated("household", householdId, after.villageCode(), before, after));
        events.publishEvent(new HouseholdChanged(householdId, after.villageCode()));
        return new HouseholdFile(after, households.members(householdId));
    }

    /**
     * Records a change of monitoring status that casework decided: an ordinary household identified for monitoring
     * becomes MONITORED, and back to ORDINARY once its risk is eliminated. A formerly-poor household keeps its
     * category (its monitoring type says it is monitored). Audited; the caller's transaction decides.
     */
    public void recordMonitoring(long householdId, boolean monitored) {
        RegionScope scope = currentUser.scope();
        Household before = households
                .household(householdId, scope)
                .orElseThrow(() -> new NotFoundException("household", householdId));
        HouseholdCategory from = monitored ? HouseholdCategory.ORDINARY : HouseholdCategory.MONITORED;
        HouseholdCategory to = monitored ? HouseholdCategory.MONITORED : HouseholdCategory.ORDINARY;
        if (before.category() != from) {
            return;
        }
        households.setCategory(householdId, to);
        audit.record(new AuditRecord(
                        AuditAction.UPDATE,
                        "household",
                        String.valueOf(householdId),
                        before.villageCode(),
                        null,
                        Map.of("category", from),
                        Map.of("category", to))
                .described("categoryByCasework"));
        events.publishEvent(new HouseholdChanged(householdId, before.villageCode()));
    }

    /** Removes a household, its members and (through {@link HouseholdRemoved}) the records other modules keep. */
    public void remove(long householdId) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        RegionScope scope = currentUser.scope();
        HouseholdFile before = file(householdId);
        events.publishEvent(new HouseholdRemoved(householdId, before.household().villageCode()));
        if (households.deleteHousehold(householdId, scope) == 0) {
            throw new NotFoundException("household", householdId);
        }
        audit.record(
                AuditRecord.deleted("household", householdId, before.household().villageCode(), before));
    }

    /** Adds a member to a household. */
    public Person addMember(long householdId, PersonInput input) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        HouseholdFile file = file(householdId);
        List<FieldProblem> problems = RegistryValidator.problems();
        RegistryValidator.ValidPerson person = validator().person(input, "", problems);
        if (person != null && person.relation() == Relation.HEAD && file.head().isPresent()) {
            problems.add(new FieldProblem("relation", "second_head", "the household already has a head"));
        }
        if (person != null && person.idNumber() != null) {
            checkNotRegistered(
                    person.idNumber().value(), "idNumber", file.household().villageCode(), problems);
        }
        throwIfAny(problems);
        long id = households.insertPerson(householdId, person);
        households.touchHousehold(householdId);
        Person created = households.person(id, currentUser.scope()).orElseThrow();
        audit.record(AuditRecord.created("person", id, file.household().villageCode(), created));
        events.publishEvent(new HouseholdChanged(householdId, file.household().villageCode()));
        return created;
    }

    /** Changes a member, if nobody changed them since {@code version}. */
    public Person updateMember(long personId, int version, PersonInput input) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        Person before = person(personId);
        HouseholdFile file = file(before.householdId());
        List<FieldProblem> problems = RegistryValidator.problems();
        RegistryValidator.ValidPerson person = validator().person(input, "", problems);
        if (person != null
                && person.relation() == Relation.HEAD
                && file.head().filter(h -> h.id() != personId).isPresent()) {
            problems.add(new FieldProblem("relation", "second_head", "the household already has a head"));
        }
        if (person != null
                && person.idNumber() != null
                && !person.idNumber().value().equals(before.idNumber())) {
            checkNotRegistered(
                    person.idNumber().value(), "idNumber", file.household().villageCode(), problems);
        }
        throwIfAny(problems);
        if (households.updatePerson(personId, version, person) == 0) {
            throw new ConflictException(
                    before.name() + " was changed by someone else; reload and apply your change again");
        }
        households.touchHousehold(before.householdId());
        Person after = person(personId);
        audit.record(AuditRecord.updated("person", personId, file.household().villageCode(), before, after));
        events.publishEvent(
                new HouseholdChanged(before.householdId(), file.household().villageCode()));
        return after;
    }

    /** Removes a member; the head can only go once nobody else remains (or after another member became head). */
    public void removeMember(long personId) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        Person before = person(personId);
        HouseholdFile file = file(before.householdId());
        if (before.relation() == Relation.HEAD && file.members().size() > 1) {
            throw InvalidInputException.of(
                    "relation", "head_with_members", "make another member the head before removing the head");
        }
        households.deletePerson(personId);
        households.touchHousehold(before.householdId());
        audit.record(AuditRecord.deleted("person", personId, file.household().villageCode(), before));
        events.publishEvent(
                new HouseholdChanged(before.householdId(), file.household().villageCode()));
    }

    /** The full identity or phone number, for roles allowed to see it; every reveal is audited. */
    public String reveal(long personId, String field) {
        currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        Person person = person(personId);
        HouseholdFile file = file(person.householdId());
        String value = switch (field) {
            case "idNumber" -> person.idNumber();
            case "phone" -> file.household().phone();
            default -> throw InvalidInputException.of("field", "allowed_values", "must be idNumber or phone");
        };
        auditReveal(personId, file.household().villageCode(), field);
        return value;
    }

    /**
     * The household with every member's identity number and its phone in full, for roles allowed to reveal them.
     * Each value revealed gets its own audit entry, as if revealed one at a time on the page: the person's trail and
     * a count of reveals then show every number that was seen, and no reveal hides inside another.
     */
    public HouseholdFile revealAll(long householdId) {
        currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        HouseholdFile file = file(householdId);
        String village = file.household().villageCode();
        file.members().forEach(p -> auditReveal(p.id(), village, "idNumber"));
        if (file.household().phone() != null) {
            // the phone is the household's; the page reveals it through the head, and so does the audit
            file.head()
                    .ifPresentOrElse(
                            head -> auditReveal(head.id(), village, "phone"),
                            () -> audit.record(new AuditRecord(
                                            AuditAction.REVEAL,
                                            "household",
                                            String.valueOf(householdId),
                                            village,
                                            null,
                                            null,
                                            null)
                                    .described("revealedPhone")));
        }
        return file;
    }

    private void auditReveal(long personId, String village, String field) {
        audit.record(new AuditRecord(AuditAction.REVEAL, "person", String.valueOf(personId), village, null, null, null)
                .described("revealedField", AuditDescription.field("/" + field)));
    }

    private void checkMembers(
            List<RegistryValidator.ValidPerson> people, String villageCode, List<FieldProblem> problems) {
        long heads = people.stream()
                .filter(p -> p != null && p.relation() == Relation.HEAD)
                .count();
        if (heads != 1 && people.stream().allMatch(p -> p != null && p.relation() != null)) {
            problems.add(
                    new FieldProblem("members", "one_head", "exactly one member must be the head, found " + heads));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            RegistryValidator.ValidPerson p = people.get(i);
            if (p == null || p.idNumber() == null) {
                continue;
            }
            if (!seen.add(p.idNumber().value())) {
                problems.add(new FieldProblem(
                        "members[" + i + "].idNumber",
                        "duplicate",
                        "the same identity number appears twice in this household"));
            } else {
                checkNotRegistered(p.idNumber().value(), "members[" + i + "].idNumber", villageCode, problems);
            }
        }
    }

    private RegistryValidator validator() {
        return new RegistryValidator(regions, LocalDate.now(clock));
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Adds a problem when the identity number is a member of a household already. Within the user's region it says
     * so (they can find that household anyway); outside it the answer must not confirm that the person is registered
     * elsewhere, nor where: a neutral refusal, and the attempt is audited for the auditors of both regions, since
     * repeated attempts are how someone would probe another region's residents.
     */
    private void checkNotRegistered(String idNumber, String field, String villageCode, List<FieldProblem> problems) {
        Optional<Long> existing = households.householdOfIdNumber(idNumber);
        if (existing.isEmpty()) {
            return;
        }
        if (households.household(existing.get(), currentUser.scope()).isPresent()) {
            problems.add(new FieldProblem(
                    field, "already_registered", "this person is already a member of a household of your region"));
            return;
        }
        problems.add(new FieldProblem(
                field,
                "id_unavailable",
                "this identity number cannot be registered here; the county's registry office can check it"));
        Map<String, Object> attempt = Map.of(
                "idNumber", Masking.maskIdentityNumber(idNumber), "village", villageCode == null ? "" : villageCode);
        String userRegion = currentUser.find().map(BulwarkUser::regionCode).orElse(villageCode);
        refusals.record(new AuditRecord(AuditAction.REFUSED, "person", null, userRegion, null, null, attempt)
                .described("registrationRefused"));
        refusals.record(new AuditRecord(
                        AuditAction.REFUSED,
                        "household",
                        String.valueOf(existing.get()),
                        households.villageOfHousehold(existing.get()),
                        null,
                        null,
                        attempt)
                .described("identityProbed"));
    }
}
