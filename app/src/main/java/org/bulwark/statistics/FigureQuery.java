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

    /** SQL for the group of a region-code column: its first {@link #groupDigits()} digits. */
    public String groupOf(String codeColumn) {
        return "substr(" + codeColumn + ", 1, " + groupDigits + ")";
    }

    /**
     * SQL naming each row's group when a statement groups by {@code grouping sets ((group, ...), (...))}: the
     * region's own prefix on the rows of the totals, else the group. One pass gives both the rows and the totals.
     */
    public String groupOrTotal(String codeColumn) {
        // a region with none below (a village) is its own only group: its detail rows would repeat the totals, so
        // they are named apart and ignored
        String detail = groupDigits == regionPrefix.length() ? "'" + NO_GROUP + "'" : groupOf(codeColumn);
        return "case when grouping(" + groupOf(codeColumn) + ") = 1 then '" + regionPrefix + "' else " + detail
                + " end";
    }

    /** The group of detail rows that repeat the totals (see {@link #groupOrTotal}); never a region. */
    public static final String NO_GROUP = "-";
}
