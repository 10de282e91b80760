package org.bulwark.core.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.InvalidIdentityNumberException;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * Persons known only from department records — records matched to no registered household or person but carrying a
 * valid identity number — each made a pseudo-household of one: one member (born as the identity number says, not
 * known to be able-bodied), ordinary, not monitored, no income. Ordered by identity number, so runs are repeatable.
 */
final class UnregisteredPersons {

    private final List<String> idNumbers;
    private final Map<String, Integer> pseudoHouseholds = new HashMap<>();
    private final HouseholdTable households;
    private final PersonTable persons;

    private UnregisteredPersons(Set<String> idNumbers) {
        this.idNumbers = List.copyOf(idNumbers);
        HouseholdTable.Builder householdRows = HouseholdTable.builder();
        PersonTable.Builder personRows = PersonTable.builder();
        for (String idNumber : this.idNumbers) {
            int pseudo = householdRows.add(-1, null, HouseholdCategory.ORDINARY, 1, 0, 0);
            personRows.add(pseudo, idNumber, new IdentityNumber(idNumber).birthDate(), false, false);
            pseudoHouseholds.put(idNumber, pseudo);
        }
        this.households = householdRows.build();
        this.persons = personRows.build();
    }

    /**
     * Collects the unregistered persons of the given person-keyed categories' records.
     *
     * @param only identity numbers to keep, or {@code null} for every one found
     */
    static UnregisteredPersons collect(Collection<RecordTable> tables, Set<String> only) {
        Set<String> found = new HashSet<>();
        Set<String> invalid = new HashSet<>();
        for (RecordTable table : tables) {
            int[] household = table.householdColumn();
            int[] person = table.personColumn();
            String[] idNumbers = table.idNumberColumn();
            for (int r = 0; r < table.size(); r++) {
                String idNumber = idNumbers[r];
                if (household[r] < 0
                        && person[r] < 0
                        && idNumber != null
                        && (only == null || only.contains(idNumber))
                        && !found.contains(idNumber)
                        && !invalid.contains(idNumber)) {
                    (valid(idNumber) ? found : invalid).add(idNumber);
                }
            }
        }
        return new UnregisteredPersons(new TreeSet<>(found));
    }

    private static boolean valid(String idNumber) {
        try {
            new IdentityNumber(idNumber);
            return true;
        } catch (InvalidIdentityNumberException e) {
            return false;
        }
    }

    int size() {
        return idNumbers.size();
    }

    String idNumber(int pseudoHousehold) {
        return idNumbers.get(pseudoHousehold);
    }

    Map<String, Integer> pseudoHouseholds() {
        return pseudoHouseholds;
    }

    HouseholdTable households() {
        return households;
    }

    PersonTable persons() {
        return persons;
    }
}
