package org.bulwark.registry;

import java.util.List;
import java.util.Optional;
import org.bulwark.core.registry.Relation;

/** One household's file: the household and its members, head first. */
public record HouseholdFile(Household household, List<Person> members) {

    /** The head of the household, if recorded. */
    public Optional<Person> head() {
        return members.stream().filter(p -> p.relation() == Relation.HEAD).findFirst();
    }
}
