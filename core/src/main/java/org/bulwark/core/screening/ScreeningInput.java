package org.bulwark.core.screening;

import java.util.Map;

/**
 * The data of one run: households (registered ones, or pseudo-households of unregistered persons), their persons,
 * the record indexes of the categories the plan reads, and which households to screen.
 */
final class ScreeningInput {

    private final HouseholdTable households;
    private final PersonTable persons;
    private final Map<String, CategoryIndex> indexes;
    private final int[] scope;
    private final int[] ableBodiedMembers;
    private final int[] mainLabourers;

    /**
     * @param scope households to screen, ascending, or {@code null} for all
     */
    ScreeningInput(HouseholdTable households, PersonTable persons, Map<String, CategoryIndex> indexes, int[] scope,
                   boolean countMembers) {
        this.households = households;
        this.persons = persons;
        this.indexes = Map.copyOf(indexes);
        this.scope = scope;
        if (countMembers) {
            this.ableBodiedMembers = new int[households.size()];
            this.mainLabourers = new int[households.size()];
            countMembers();
        } else {
            this.ableBodiedMembers = null;
            this.mainLabourers = null;
        }
    }

    private void countMembers() {
        int[] household = persons.householdColumn();
        boolean[] able = persons.ableBodiedColumn();
        boolean[] main = persons.mainLabourerColumn();
        for (int p = 0; p < persons.size(); p++) {
            if (household[p] >= households.size()) {
                throw new IllegalArgumentException("person " + p + " points at household " + household[p]
                        + " but there are " + households.size());
            }
            if (able[p]) {
                ableBodiedMembers[household[p]]++;
            }
            if (main[p]) {
                mainLabourers[household[p]]++;
            }
        }
    }

    HouseholdTable households() {
        return households;
    }

    PersonTable persons() {
        return persons;
    }

    CategoryIndex index(String category) {
        return indexes.get(category);
    }

    /** Number of households to screen. */
    int scopeSize() {
        return scope == null ? households.size() : scope.length;
    }

    /** The household at a position of the scope. */
    int household(int scopePosition) {
        return scope == null ? scopePosition : scope[scopePosition];
    }

    int[] ableBodiedMembers() {
        return ableBodiedMembers;
    }

    int[] mainLabourers() {
        return mainLabourers;
    }
}
