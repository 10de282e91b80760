package org.bulwark.core.employment;

import org.bulwark.core.region.RegionCode;

/**
 * A public-welfare job given to a person of a village.
 *
 * @param firstOfHousehold true when the household held no post before this one; false for a post given in the second
 *     round, when every household that wanted one had one and posts remained
 */
public record PostAward(RegionCode village, long personId, long householdId, boolean firstOfHousehold) {}
