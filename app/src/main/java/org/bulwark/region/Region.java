package org.bulwark.region;

import org.bulwark.core.region.RegionLevel;

/** A region of the hierarchy. */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean keyCounty) {

    public boolean isVillage() {
        return level == RegionLevel.VILLAGE;
    }
}
