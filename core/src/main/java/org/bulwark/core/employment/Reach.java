package org.bulwark.core.employment;

import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;

/**
 * How far a place of work is from a labourer's home village, through the region tree: the smallest region holding
 * both. Ordered from nearest to farthest, so a labourer's wish "no farther than the county" admits every reach up to
 * {@link #COUNTY}.
 */
public enum Reach {
    VILLAGE,
    TOWNSHIP,
    COUNTY,
    PREFECTURE,
    PROVINCE,
    ANYWHERE;

    /** The reach from a home region to a place of work. */
    public static Reach between(RegionCode home, RegionCode work) {
        if (!home.truncate(RegionLevel.PROVINCE).equals(work.truncate(RegionLevel.PROVINCE))) {
            return ANYWHERE;
        }
        if (!home.truncate(RegionLevel.PREFECTURE).equals(work.truncate(RegionLevel.PREFECTURE))) {
            return PROVINCE;
        }
        if (!home.truncate(RegionLevel.COUNTY).equals(work.truncate(RegionLevel.COUNTY))) {
            return PREFECTURE;
        }
        if (!home.truncate(RegionLevel.TOWNSHIP).equals(work.truncate(RegionLevel.TOWNSHIP))) {
            return COUNTY;
        }
        return home.equals(work) ? VILLAGE : TOWNSHIP;
    }

    /** Whether a job at this reach is within a wish of at most {@code limit}. */
    public boolean within(Reach limit) {
        return compareTo(limit) <= 0;
    }
}
