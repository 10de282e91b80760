package org.bulwark.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.web.ApiController;
import org.bulwark.platform.web.PersonalDataMask;
import org.bulwark.registry.Household;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.HouseholdPage;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.HouseholdSummary;
import org.bulwark.registry.Person;
import org.bulwark.registry.PersonInput;
import org.bulwark.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** REST API for households and their members. Identity and phone numbers are masked unless {@code reveal=true}. */
@ApiController("/api/v1")
@Tag(name = "Households and persons")
class HouseholdApi {

    private final Registry registry;
    private final CurrentUser currentUser;
    private final PersonalDataMask mask;

    HouseholdApi(Registry registry, CurrentUser currentUser, PersonalDataMask mask) {
        this.registry = registry;
        this.currentUser = currentUser;
        this.mask = mask;
    }

    /** A household with its members, as the API shows it. */
    record HouseholdView(
            long id,
            String householdNumber,
            String villageCode,
            String category,
            String address,
            String phone,
            int version,
            List<PersonView> members) {}

    /** A member as the API shows it. */
    record PersonView(
            long id,
            long householdId,
            String idNumber,
            String name,
            String sex,
            String birthDate,
            String relation,
            String education,
            String health,
            String disability,
            String labourCapacity,
            String employment,
            String employmentPlace,
            Integer employmentMonths,
            String schooling,
            boolean medicalInsured,
            boolean pensionInsured,
            int version) {}

    /** Creating a household: its fields and its members (one of them the head). */
    record NewHousehold(String villageCode, String category, String address, String phone, List<PersonInput> members) {}

    /** Changing a household's own fields; {@code version} is the one read. */
    record HouseholdChange(String villageCode, String category, String address, String phone, int version) {}

    /** Changing a member; {@code version} is the one read. */
    record PersonChange(
            String name,
            String idNumber,
            String relation,
            String sex,
            String birthDate,
            String education,
            String health,
            String disability,
            String labourCapacity,
            String employment,
            String employmentPlace,
            Integer employmentMonths,
            String schooling,
            Boolean medicalInsured,
            Boolean pensionInsured,
            int version) {
        PersonInput input() {
            return new PersonInput(
                    name,
                    idNumber,
                    relation,
                    sex,
                    birthDate,
                    education,
                    health,
                    disability,
                    labourCapacity,
                    employment,
                    employmentPlace,
                    employmentMonths,
                    schooling,
                    medicalInsured,
                    pensionInsured);
        }
    }

    @Operation(
            summary =
                    "Search households in your region by name, identity number (full or last digits) or household number")
    @GetMapping("/households")
    HouseholdPage search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        HouseholdPage result = registry.search(new HouseholdSearch(q, region, category, page, size));
        return new HouseholdPage(
                result.items().stream()
                        .map(h -> new HouseholdSummary(
                                h.id(),
                                h.householdNumber(),
                                h.villageCode(),
                                h.villageName(),
                                h.townshipName(),
                                h.category(),
                                h.headName(),
                                mask.id(h.headIdNumber()),
                                h.members()))
                        .toList(),
                result.page(),
                result.size(),
                result.more());
    }

    @Operation(summary = "A household with its members")
    @GetMapping("/households/{id}")
    HouseholdView household(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
        return reveal ? revealed(registry.revealAll(id)) : view(registry.file(id), false);
    }

    @Operation(summary = "Register a household with its members; all or nothing")
    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView create(@RequestBody NewHousehold body) {
        HouseholdFile file = registry.register(
                new HouseholdInput(body.villageCode(), body.category(), body.address(), body.phone()), body.members());
        return view(file, false);
    }

    @Operation(summary = "Change a household's own fields (optimistic: send the version you read)")
    @PutMapping("/households/{id}")
    HouseholdView update(@PathVariable long id, @RequestBody HouseholdChange body) {
        return view(
                registry.update(
                        id,
                        body.version(),
                        new HouseholdInput(body.villageCode(), body.category(), body.address(), body.phone())),
                false);
    }

    @Operation(summary = "Remove a household with its members and income records")
    @DeleteMapping("/households/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        registry.remove(id);
    }

    @Operation(summary = "Add a member to a household")
    @PostMapping("/households/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    PersonView addMember(@PathVariable long id, @RequestBody PersonInput body) {
        return view(registry.addMember(id, body), false);
    }

    @Operation(summary = "A person")
    @GetMapping("/persons/{id}")
    PersonView person(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
        Person person = registry.person(id);
        return view(person, reveal && revealAllowed(id));
    }

    @Operation(summary = "Find the person with an identity number, in your region")
    @GetMapping("/persons")
    List<PersonView> findPersons(@RequestParam String idNumber) {
        HouseholdPage page = registry.search(new HouseholdSearch(idNumber, null, null, 0, 5));
        return page.items().stream()
                .flatMap(h -> registry.file(h.id()).members().stream())
                .filter(p -> p.idNumber().equalsIgnoreCase(idNumber.strip()))
                .map(p -> view(p, false))
                .toList();
    }

    @Operation(summary = "Change a person (optimistic: send the version you read)")
    @PutMapping("/persons/{id}")
    PersonView updatePerson(@PathVariable long id, @RequestBody PersonChange body) {
        return view(registry.updateMember(id, body.version(), body.input()), false);
    }

    @Operation(summary = "Remove a person from their household")
    @DeleteMapping("/persons/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePerson(@PathVariable long id) {
        registry.removeMember(id);
    }

    private boolean revealAllowed(long personId) {
        currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        registry.reveal(personId, "idNumber");
        return true;
    }

    /** A household whose numbers were revealed (and each reveal audited) by {@link Registry#revealAll}. */
    private HouseholdView revealed(HouseholdFile file) {
        return view(file, true);
    }

    private HouseholdView view(HouseholdFile file, boolean full) {
        Household h = file.household();
        return new HouseholdView(
                h.id(),
                h.householdNumber(),
                h.villageCode(),
                h.category().name(),
                h.address(),
                full ? h.phone() : mask.phone(h.phone()),
                h.version(),
                file.members().stream().map(p -> view(p, full)).toList());
    }

    private PersonView view(Person p, boolean full) {
        // health and disability only for the roles that need them (docs/policy.md §11): null for others
        boolean sensitive = currentUser.require().can(Role.Permission.READ_SENSITIVE_DATA);
        return new PersonView(
                p.id(),
                p.householdId(),
                full ? p.idNumber() : mask.id(p.idNumber()),
                p.name(),
                p.sex().name(),
                p.birthDate().toString(),
                p.relation().name(),
                name(p.education()),
                sensitive ? name(p.health()) : null,
                sensitive ? name(p.disability()) : null,
                name(p.labourCapacity()),
                name(p.employment()),
                name(p.employmentPlace()),
                p.employmentMonths(),
                name(p.schooling()),
                p.medicalInsured(),
                p.pensionInsured(),
                p.version());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
