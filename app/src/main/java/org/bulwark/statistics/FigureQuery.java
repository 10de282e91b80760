package org.bulwark.statistics;

import java.time.LocalDate;
import org.bulwark.identity.RegionScope;

/**
 * What a provider computes for: the user's scope, the region shown (inside the scope), the digits regions are
 * grouped by, the income year, and today.
 */
public record FigureQuery(RegionScope scope, String regionPrefix, int groupDigits, int year, LocalDate today) {

    public FigureQuery {
        if (!regionPrefix.startsWith(scope.prefix())) {
            throw new IllegalArgumentException("region " + regionPrefix + " lies outside the scope " + scope.prefix());
        }
        if (groupDigits < regionPrefix.length() || groupDigits > 12) {
            throw new IllegalArgumentException("cannot group " + regionPrefix + " by " + groupDigits + " digits");
        }
    }

    /** {@code LIKE} pattern of the user's scope. */
    public String scopePattern() {
        return scope.likePattern();
    }

    /** {@code LIKE} pattern of the region shown. */
    public String regionPattern() {
        return regionPrefix + "%";
    }

    /** The same query grouped by the region itself (one group: the totals). */
    public FigureQuery totals() {
        return new FigureQuery(scope, regionPrefix, regionPrefix.length(), year, today);
    }
}
