package org.bulwark.region;

import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;

/** A region of the hierarchy. */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean keyCounty) {

    /** The code as the core's type. */
    public RegionCode regionCode() {
        return new RegionCode(code);
    }

    public boolean isVillage() {
        return level == RegionLevel.VILLAGE;
    }
}
