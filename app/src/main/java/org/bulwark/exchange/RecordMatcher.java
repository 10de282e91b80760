package org.bulwark.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.KeyType;
import org.bulwark.core.exchange.ValidatedRow;
import org.bulwark.identity.RegionScope;
import org.bulwark.registry.RegistryDirectory;

/**
 * Matches a chunk of valid rows to the registry with one lookup per key kind: by identity number (the name, when
 * the row has one, must agree), by household number, or by village code. Decides each row's region, and refuses
 * rows that belong to registered households outside the uploader's region.
 */
final class RecordMatcher {

    static final String ID_NUMBER = "id_number";
    static final String HOUSEHOLD_NUMBER = "household_number";
    static final String VILLAGE_CODE = "village_code";

    /** A row's match, or the reason it cannot be stored. */
    record Outcome(RecordKey key, String problem) {
    }

    private final CategorySchema schema;
    private final Map<String, RegistryDirectory.RegisteredPerson> persons;
    private final Map<String, RegistryDirectory.RegisteredHousehold> households;

    RecordMatcher(CategorySchema schema, RegistryDirectory directory, List<ValidatedRow> rows) {
        this.schema = schema;
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (ValidatedRow row : rows) {
            if (row.values().get(ID_NUMBER) instanceof String id) {
                ids.add(id);
            }
            if (row.values().get(HOUSEHOLD_NUMBER) instanceof String number) {
                numbers.add(number);
            }
        }
        this.persons = directory.persons(ids);
        this.households = directory.households(numbers);
    }

    Outcome match(ValidatedRow row, RegionScope scope) {
        String id = row.values().get(ID_NUMBER) instanceof String s ? s : null;
        String number = row.values().get(HOUSEHOLD_NUMBER) instanceof String s ? s : null;
        String village = row.values().get(VILLAGE_CODE) instanceof String s ? s : null;
        if (id != null) {
            RegistryDirectory.RegisteredPerson person = persons.get(id);
            if (person == null) {
                // not registered: kept, dated to the region of the identity number, for the downward check
                String region = village != null ? village : (id.substring(0, 6) + "000000");
                return new Outcome(new RecordKey(id, number, village, null, null, region), null);
            }
            if (schema.nameField() != null && row.values().get(schema.nameField()) instanceof String name
                    && !name.equals(person.name())) {
                return new Outcome(null, "name: '" + name + "' does not match the registered name for this identity number");
            }
            if (!scope.covers(person.villageCode())) {
                return new Outcome(null, "id_number: this person is registered outside your region");
            }
            return new Outcome(new RecordKey(id, number, person.villageCode(), person.personId(), person.householdId(),
                    person.villageCode()), null);
        }
        if (number != null) {
            RegistryDirectory.RegisteredHousehold household = households.get(number);
            if (household == null) {
                return new Outcome(null, "household_number: no registered household has number " + number);
            }
            if (!scope.covers(household.villageCode())) {
                return new Outcome(null, "household_number: this household is registered outside your region");
            }
            return new Outcome(new RecordKey(null, number, household.villageCode(), null, household.householdId(),
                    household.villageCode()), null);
        }
        if (village != null && schema.keys().contains(KeyType.VILLAGE)) {
            if (!scope.covers(village)) {
                return new Outcome(null, "village_code: " + village + " is outside your region");
            }
            return new Outcome(new RecordKey(null, null, village, null, null, village), null);
        }
        return new Outcome(null, "the row names no " + schema.keys() + " key");
    }
}
