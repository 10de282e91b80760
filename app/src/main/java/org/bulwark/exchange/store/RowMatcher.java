package org.bulwark.exchange.store;

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
    record Match(String problem, RecordRows.Placement placement) {
    }

    private final RegistryIndex registry;
    private final RegionScope scope;
    private final boolean checkName;

    RowMatcher(RegistryIndex registry, RegionScope scope, boolean checkName) {
        this.registry = registry;
        this.scope = scope;
        this.checkName = checkName;
    }

    /** The last row's keys and what they matched: a department's file lists a person's records one after another. */
    private String lastIdNumber;
    private String lastHouseholdNumber;
    private String lastRowVillage;
    private String lastName;
    private Match lastMatch;

    Match match(String idNumber, String householdNumber, String village, String name) {
        if (lastMatch != null && java.util.Objects.equals(idNumber, lastIdNumber)
                && java.util.Objects.equals(name, lastName)
                && java.util.Objects.equals(householdNumber, lastHouseholdNumber)
                && java.util.Objects.equals(village, lastRowVillage)) {
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
            return new Match("name: " + quoteLiteral(name)
                    + " does not match the registered name for this identity number", null);
        }
        if (householdId != null && !covered(registeredVillage)) {
            return new Match(idNumber != null ? "id_number: this person is registered outside your region"
                    : "household_number: this household is registered outside your region", null);
        }
        if (idNumber == null && householdNumber != null && householdId == null) {
            return new Match("household_number: no registered household has number " + householdNumber, null);
        }
        if (idNumber == null && householdNumber == null) {
            if (village == null) {
                return new Match("the row names no key", null);
            }
            if (!covered(village)) {
                return new Match("village_code: " + village + " is outside your region", null);
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

    /**
     * The name as PostgreSQL's {@code quote_literal} writes it (the reason reads as it did when matching ran in SQL):
     * in single quotes, quotes and backslashes doubled, and an E in front when there is a backslash.
     */
    static String quoteLiteral(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 3);
        if (text.indexOf('\\') >= 0) {
            quoted.append('E');
        }
        quoted.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\\') {
                quoted.append(c);
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }
}
