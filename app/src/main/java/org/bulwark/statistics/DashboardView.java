package org.bulwark.statistics;

import java.util.List;
import org.bulwark.region.Region;

/**
 * A dashboard of one region.
 *
 * @param region       the region shown
 * @param path         from the user's own region down to this one, for the breadcrumb
 * @param year         the income year shown
 * @param years        the years with income records, newest first
 * @param villageLevel whether the rows are villages or the region is one (small counts are suppressed)
 * @param headlines    the region's key figures, from the providers' totals
 * @param sections     one per provider
 */
public record DashboardView(
        Region region,
        List<Region> path,
        int year,
        List<Integer> years,
        boolean villageLevel,
        List<FigureTable.Cell> headlines,
        List<Section> sections) {

    /** A provider's tables: by region, and its breakdown if it has one. */
    public record Section(
            String providerId, String titleKey, String noteKey, FigureTable byRegion, FigureTable breakdown) {

        /** The section's tables in the order shown. */
        public List<FigureTable> tables() {
            return breakdown == null ? List.of(byRegion) : List.of(byRegion, breakdown);
        }
    }

    /** The table with this id, or null. */
    public FigureTable table(String id) {
        for (Section s : sections) {
            if (s.byRegion().id().equals(id)) {
                return s.byRegion();
            }
            if (s.breakdown() != null && s.breakdown().id().equals(id)) {
                return s.breakdown();
            }
        }
        return null;
    }
}
