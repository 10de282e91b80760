package org.bulwark.identity;

import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;

/**
 * The region a user works on when a county's files come in or go out (registry and roster imports and exports): the
 * county asked for when the user's region holds it (a county, prefecture or province user), the user's own region
 * when it lies inside the county (a township: its villages only); anything else is refused, naming the field
 * {@code county}, without saying whose the county is.
 */
@Service
public class CountyScopes {

    private final Regions regions;

    CountyScopes(Regions regions) {
        this.regions = regions;
    }

    /** The user's scope within the county given by its code (6 or 12 digits). */
    public RegionScope of(BulwarkUser user, String countyCode) {
        Region county = countyCode == null
                ? null
                : RegionCode.tryParse(countyCode.strip()).flatMap(regions::find).orElse(null);
        if (county == null || county.level() != RegionLevel.COUNTY) {
            throw InvalidInputException.of("county", "unknown_region", "县：没有这个县（请填写6位县级区划代码）");
        }
        RegionScope own = RegionScope.of(user.regionCode());
        if (own.covers(county.code())) {
            return RegionScope.of(county.code());
        }
        if (RegionScope.of(county.code()).covers(user.regionCode())) {
            return own;
        }
        throw InvalidInputException.of("county", "outside_scope", "县：不在你的辖区内");
    }
}
