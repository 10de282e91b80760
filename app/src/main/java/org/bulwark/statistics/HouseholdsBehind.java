package org.bulwark.statistics;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditDescription;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households behind a dashboard figure: the provider's condition, within the region asked for and the user's
 * scope (both in the registry's SQL, whatever the caller passes).
 */
@Service
@Transactional(readOnly = true)
public class HouseholdsBehind {

    /** The most rows one export writes. */
    public static final int EXPORT_LIMIT = 100_000;

    private final Dashboard dashboard;
    private final HouseholdListing listing;
    private final AuditLog audit;
    private final Regions regions;

    HouseholdsBehind(Dashboard dashboard, HouseholdListing listing, AuditLog audit, Regions regions) {
        this.dashboard = dashboard;
        this.listing = listing;
        this.audit = audit;
        this.regions = regions;
    }

    /** A household as the list shows it. */
    public record Listed(
            long id,
            String householdNumber,
            String villageCode,
            String villageName,
            String townshipName,
            HouseholdCategory category,
            String headName,
            int members) {}

    /** One page of the list, and whether more follow. */
    public record Page(Selection selection, List<Listed> households, int page, int size, boolean more) {}

    /** Which figure a list stands behind. */
    public record Selection(
            String measureId,
            String labelKey,
            String regionCode,
            String regionName,
            String key,
            Breakdown.Label keyLabel,
            int year) {}

    /** One page of the households behind the figure. */
    public Page page(String measureId, String regionCode, String key, Integer year, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        Resolved r = resolve(measureId, regionCode, key, year);
        List<Listed> rows = query(r, safeSize + 1, (long) safePage * safeSize);
        boolean more = rows.size() > safeSize;
        return new Page(r.selection(), more ? rows.subList(0, safeSize) : rows, safePage, safeSize, more);
    }

    /** Every household behind the figure (up to {@link #EXPORT_LIMIT}), for an export; the export is audited. */
    @Transactional
    public Selection export(String measureId, String regionCode, String key, Integer year, Consumer<Listed> sink) {
        Resolved r = resolve(measureId, regionCode, key, year);
        List<Listed> rows = query(r, EXPORT_LIMIT, 0);
        rows.forEach(sink);
        audit.record(new AuditRecord(
                        AuditAction.EXPORT,
                        "household-list",
                        r.selection().measureId(),
                        r.query().regionPrefix().isEmpty()
                                ? regionCode
                                : padded(r.query().regionPrefix()),
                        null,
                        null,
                        Map.of(
                                "measure",
                                r.selection().measureId(),
                                "region",
                                padded(r.query().regionPrefix()),
                                "key",
                                key == null ? "" : key,
                                "year",
                                r.query().year(),
                                "households",
                                rows.size()))
                .described(
                        "householdsExported",
                        rows.size(),
                        AuditDescription.label(r.selection().labelKey())));
        return r.selection();
    }

    private record Resolved(Selection selection, FigureQuery query, HouseholdCondition condition) {}

    private Resolved resolve(String measureId, String regionCode, String key, Integer year) {
        FigureProvider provider = dashboard.providerOf(measureId);
        FigureQuery query = dashboard.queryFor(regionCode, year);
        Measure measure = Stream.concat(provider.measures().stream(), provider.breakdownMeasures().stream())
                .filter(m -> m.id().equals(measureId))
                .findFirst()
                .orElseThrow();
        String cleanKey = key == null || key.isBlank() ? null : key.strip();
        HouseholdCondition condition = measure.linked()
                ? provider.householdsBehind(measureId, cleanKey, query).orElse(null)
                : null;
        if (condition == null) {
            throw InvalidInputException.of(
                    "measure", "not_listable", "no list of households stands behind '" + measureId + "'");
        }
        String region = padded(query.regionPrefix());
        Breakdown.Label keyLabel = cleanKey == null
                ? null
                : provider.breakdownLabel(cleanKey, LocaleContextHolder.getLocale())
                        .orElse(new Breakdown.Label(cleanKey, false));
        return new Resolved(
                new Selection(
                        measureId,
                        measure.labelKey(),
                        region,
                        regions.nameOf(region),
                        cleanKey,
                        keyLabel,
                        query.year()),
                query,
                condition);
    }

    private List<Listed> query(Resolved r, int limit, long offset) {
        return listing.list(r.query(), r.condition(), limit, offset);
    }

    private static String padded(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }
}
