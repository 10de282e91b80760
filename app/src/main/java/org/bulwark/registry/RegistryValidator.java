package org.bulwark.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.contact.PhoneNumber;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.InvalidIdentityNumberException;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.bulwark.core.text.TextRules;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.FieldProblem;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;

/** Checks household and person input field by field, collecting every problem, and converts it to typed values. */
final class RegistryValidator {

    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;

    private final Regions regions;
    private final LocalDate today;

    RegistryValidator(Regions regions, LocalDate today) {
        this.regions = regions;
        this.today = today;
    }

    /** A household's own fields, typed. */
    record ValidHousehold(String villageCode, HouseholdCategory category, String address, PhoneNumber phone) {}

    ValidHousehold household(HouseholdInput input, RegionScope scope, String prefix, List<FieldProblem> problems) {
        if (input == null) {
            problems.add(new FieldProblem(prefix + "household", "required", "is required"));
            return null;
        }
        String village = trim(input.villageCode());
        if (village == null) {
            problems.add(new FieldProblem(prefix + "villageCode", "required", "is required"));
        } else {
            Optional<Region> region = regions.find(village);
            if (region.isEmpty() || !scope.covers(village)) {
                problems.add(new FieldProblem(
                        prefix + "villageCode", "unknown_region", "no region with code " + village + " in your area"));
            } else if (!region.get().isVillage()) {
                problems.add(new FieldProblem(
                        prefix + "villageCode",
                        "not_village",
                        village + " is a " + region.get().level().name().toLowerCase() + ", not a village"));
            }
        }
        HouseholdCategory category =
                enumValue(HouseholdCategory.class, input.category(), prefix + "category", true, problems);
        String address = text(input.address(), prefix + "address", MAX_ADDRESS, false, problems);
        TextRules.freeText(address)
                .ifPresent(v -> problems.add(new FieldProblem(prefix + "address", v.code(), v.message())));
        String rawPhone = trim(input.phone());
        PhoneNumber phone =
                rawPhone == null ? null : PhoneNumber.parse(rawPhone).orElse(null);
        if (rawPhone != null && phone == null) {
            problems.add(new FieldProblem(prefix + "phone", "phone", PhoneNumber.RULE));
        }
        return new ValidHousehold(village, category, address, phone);
    }

    /** A person's fields, typed; {@code null} values stay null. */
    record ValidPerson(
            IdentityNumber idNumber,
            String name,
            Sex sex,
            LocalDate birthDate,
            Relation relation,
            Education education,
            Health health,
            Disability disability,
            LabourCapacity labourCapacity,
            Employment employment,
            EmploymentPlace employmentPlace,
            Integer employmentMonths,
            Schooling schooling,
            boolean medicalInsured,
            boolean pensionInsured) {}

    ValidPerson person(PersonInput input, String prefix, List<FieldProblem> problems) {
        if (input == null) {
            problems.add(new FieldProblem(prefix + "person", "required", "is required"));
            return null;
        }
        String name = text(input.name(), prefix + "name", MAX_NAME, true, problems);
        TextRules.name(name).ifPresent(v -> problems.add(new FieldProblem(prefix + "name", v.code(), v.message())));
        IdentityNumber id = identityNumber(input.idNumber(), prefix, problems);
        Sex sex = enumValue(Sex.class, input.sex(), prefix + "sex", false, problems);
        if (id != null && sex != null && sex != id.sex()) {
            problems.add(new FieldProblem(
                    prefix + "sex", "sex_mismatch", "does not match the identity number, which says " + id.sex()));
        }
        LocalDate birthDate = birthDate(input.birthDate(), id, prefix, problems);
        Relation relation = enumValue(Relation.class, input.relation(), prefix + "relation", true, problems);
        Education education = enumValue(Education.class, input.education(), prefix + "education", false, problems);
        Health health = enumValue(Health.class, input.health(), prefix + "health", false, problems);
        Disability disability = enumValue(Disability.class, input.disability(), prefix + "disability", false, problems);
        LabourCapacity labour =
                enumValue(LabourCapacity.class, input.labourCapacity(), prefix + "labourCapacity", false, problems);
        Employment employment = enumValue(Employment.class, input.employment(), prefix + "employment", false, problems);
        EmploymentPlace place =
                enumValue(EmploymentPlace.class, input.employmentPlace(), prefix + "employmentPlace", false, problems);
        Integer months = input.employmentMonths();
        if (months != null && (months < 0 || months > 12)) {
            problems.add(new FieldProblem(prefix + "employmentMonths", "range", "must be between 0 and 12"));
        }
        Schooling schooling = enumValue(Schooling.class, input.schooling(), prefix + "schooling", false, problems);
        return new ValidPerson(
                id,
                name,
                id == null ? sex : id.sex(),
                id == null ? birthDate : id.birthDate(),
                relation,
                education,
                health,
                disability == null ? Disability.NONE : disability,
                labour,
                employment,
                place,
                months,
                schooling,
                Boolean.TRUE.equals(input.medicalInsured()),
                Boolean.TRUE.equals(input.pensionInsured()));
    }

    /** The identity number, required and valid as of today; null (with a problem) when it is not. */
    private IdentityNumber identityNumber(String value, String prefix, List<FieldProblem> problems) {
        String rawId = trim(value);
        if (rawId == null) {
            problems.add(new FieldProblem(prefix + "idNumber", "required", "is required"));
            return null;
        }
        try {
            return IdentityNumber.parse(rawId, today);
        } catch (InvalidIdentityNumberException e) {
            problems.add(new FieldProblem(
                    prefix + "idNumber", "id_" + e.reason().name().toLowerCase(), e.getMessage()));
            return null;
        }
    }

    /** The birth date given, if any: not in the future, and the identity number's own when there is one. */
    private LocalDate birthDate(String value, IdentityNumber id, String prefix, List<FieldProblem> problems) {
        String rawBirth = trim(value);
        if (rawBirth == null) {
            return null;
        }
        LocalDate birthDate = null;
        try {
            birthDate = LocalDate.parse(rawBirth);
            if (birthDate.isAfter(today)) {
                problems.add(new FieldProblem(prefix + "birthDate", "future", "is in the future"));
            } else if (id != null && !birthDate.equals(id.birthDate())) {
                problems.add(new FieldProblem(
                        prefix + "birthDate",
                        "birth_mismatch",
                        "does not match the identity number, which says " + id.birthDate()));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(prefix + "birthDate", "date", "is not a date (yyyy-mm-dd)"));
        }
        return birthDate;
    }

    static List<FieldProblem> problems() {
        return new ArrayList<>();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String trimmed = trim(value);
        if (trimmed == null) {
            if (required) {
                problems.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        if (trimmed.length() > max) {
            problems.add(new FieldProblem(field, "too_long", "is longer than " + max + " characters"));
        }
        return trimmed;
    }

    private static <E extends Enum<E>> E enumValue(
            Class<E> type, String value, String field, boolean required, List<FieldProblem> problems) {
        String trimmed = trim(value);
        if (trimmed == null) {
            if (required) {
                problems.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, trimmed.toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    field, "allowed_values", "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
