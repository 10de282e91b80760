package org.bulwark.registry;

import java.util.List;

/** One household's file: the household and its members, head first. */
public record HouseholdFile(Household household, List<Person> members) {

    /** The head of the household, if recorded. */
    public java.util.Optional<Person> head() {
        return members.stream().filter(p -> p.relation() == org.bulwark.core.registry.Relation.HEAD).findFirst();
    }
}
