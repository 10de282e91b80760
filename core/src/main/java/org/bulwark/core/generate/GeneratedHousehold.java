package org.bulwark.core.generate;

import java.util.List;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * One generated household.
 *
 * @param householdNumber 16 digits: the village code and a 4-digit serial within the village
 * @param address         village-style address, e.g. 第3组12号
 * @param phone           11-digit mainland mobile number
 * @param members         the members, head first
 * @param incomes         one income per year, oldest first
 */
public record GeneratedHousehold(
        String householdNumber,
        String villageCode,
        HouseholdCategory category,
        String address,
        String phone,
        List<GeneratedPerson> members,
        List<GeneratedIncome> incomes) {

    /** Copies the lists so a household cannot change after it is made. */
    public GeneratedHousehold {
        members = List.copyOf(members);
        incomes = List.copyOf(incomes);
    }

    /** The head of the household, always the first member. */
    public GeneratedPerson head() {
        return members.get(0);
    }
}
