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
    ScreeningInput(
            HouseholdTable households,
            PersonTable persons,
            Map<String, CategoryIndex> indexes,
            int[] scope,
            boolean countMembers) {
        this.households = households;
        this.persons = persons;
        this.indexes = Map.copyOf(indexes);
        this.scope = scope;
        PersonTable.MemberCounts counts = countMembers ? persons.memberCounts(households.size()) : null;
        this.ableBodiedMembers = counts == null ? null : counts.ableBodied();
        this.mainLabourers = counts == null ? null : counts.mainLabourers();
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
