package org.bulwark.exchange.store;

import java.util.Objects;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.KeyType;
import org.bulwark.identity.RegionScope;

/**
 * Matches a checked row to the registry: a person by identity number (the name, where the category has one, must
 * be the registered name), else a household by number, else the row's village. A row about a resident the registry
 * does not have is kept, unregistered, in the region its village or identity number names: those are the omissions
 * the downward check exists to find. Turned down: a wrong name, a person or household registered outside the
 * uploader's region, an unknown household number, a village outside the region, a row naming no key.
 */
final class RowMatcher {

    /** What matching made of a row: the reason it is turned down, or where it belongs. */
    record Match(String problem, RecordRows.Placement placement) {}

    private final RegistryIndex registry;
    private final RegionScope scope;
    private final boolean checkName;
    /** The column headers the reasons name, as the category's template has them. */
    private final String idColumn;

    private final String householdColumn;
    private final String villageColumn;
    private final String nameColumn;

    RowMatcher(RegistryIndex registry, RegionScope scope, CategorySchema schema) {
        this.registry = registry;
        this.scope = scope;
        this.checkName = schema.nameField() != null;
        this.idColumn = column(schema, KeyType.PERSON.field(), "身份证号");
        this.householdColumn = column(schema, KeyType.HOUSEHOLD.field(), "户编号");
        this.villageColumn = column(schema, KeyType.VILLAGE.field(), "村级区划代码");
        this.nameColumn = column(schema, schema.nameField(), "姓名");
    }

    private static String column(CategorySchema schema, String field, String fallback) {
        return field == null
                ? fallback
                : schema.field(field).map(FieldSpec::label).map(String::strip).orElse(fallback);
    }

    /** The last row's keys and what they matched: a department's file lists a person's records one after another. */
    private String lastIdNumber;

    private String lastHouseholdNumber;
    private String lastRowVillage;
    private String lastName;
    private Match lastMatch;

    Match match(String idNumber, String householdNumber, String village, String name) {
        if (lastMatch != null
                && Objects.equals(idNumber, lastIdNumber)
                && Objects.equals(name, lastName)
                && Objects.equals(householdNumber, lastHouseholdNumber)
                && Objects.equals(village, lastRowVillage)) {
            return lastMatch;
        }
        Match match = look(idNumber, householdNumber, village, name);
        lastIdNumber = idNumber;
        lastHouseholdNumber = householdNumber;
        lastRowVillage = village;
        lastName = name;
        lastMatch = match;
        return match;
    }

    private Match look(String idNumber, String householdNumber, String village, String name) {
        Long personId = null;
        Long householdId = null;
        int person = -1;
        String registeredVillage = null;
        if (idNumber != null) {
            person = registry.person(idNumber);
            if (person >= 0) {
                personId = registry.personId(person);
                householdId = registry.householdId(person);
                registeredVillage = registry.village(person);
            }
        } else if (householdNumber != null) {
            RegistryIndex.Household household = registry.household(householdNumber);
            if (household != null) {
                householdId = household.id();
                registeredVillage = household.village();
            }
        }
        if (personId != null && checkName && name != null && !registry.nameIs(person, name)) {
            return new Match(nameColumn + "：“" + name + "”与档案中这个身份证号登记的姓名不一致，请核对姓名和身份证号", null);
        }
        if (householdId != null && !covered(registeredVillage)) {
            return new Match(
                    idNumber != null ? idColumn + "：此人登记在您管辖的区域以外" : householdColumn + "：这一户登记在您管辖的区域以外", null);
        }
        if (idNumber == null && householdNumber != null && householdId == null) {
            return new Match(householdColumn + "：档案中没有户编号为 " + householdNumber + " 的农户", null);
        }
        if (idNumber == null && householdNumber == null) {
            if (village == null) {
                return new Match(idColumn + "、" + householdColumn + "、" + villageColumn + "都没有填写", null);
            }
            if (!covered(village)) {
                return new Match(villageColumn + "：" + village + " 不在您管辖的区域内", null);
            }
        }
        String storedVillage = registeredVillage != null ? registeredVillage : village;
        String region = storedVillage != null ? storedVillage : idNumber.substring(0, 6) + "000000";
        return new Match(null, new RecordRows.Placement(personId, householdId, storedVillage, region));
    }

    private String lastVillage;
    private boolean lastCovered;

    /** Whether the village lies in the uploader's region (rows come in runs of one village: the last answer is kept). */
    private boolean covered(String village) {
        if (village != lastVillage) {
            lastCovered = scope.covers(village);
            lastVillage = village;
        }
        return lastCovered;
    }
}
