package org.bulwark.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of a region inside the signed-in user's scope: every provider's figures per region one level down
 * and for the region as a whole. A region outside the scope is "not found", as a household of another village is.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** One provider's figures. */
    private record Figures(List<FigureValue> byRegion, Optional<Breakdown> breakdown) {}

    private static Figures join(CompletableFuture<Figures> figures) {
        try {
            return figures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The registry's count of households, which every deployment's dashboard carries. */
    static final String HOUSEHOLDS = "registry.households";

    private final List<FigureProvider> providers;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ReportingYears reportingYears;
    private final MessageSource messages;
    private final Clock clock;
    private final FigureCache cache;
    /** Computes providers' figures side by side ({@link FigureThreads}). */
    private final Executor figureThreads;

    Dashboard(
            List<FigureProvider> providers,
            Regions regions,
            CurrentUser currentUser,
            ReportingYears reportingYears,
            MessageSource messages,
            Clock clock,
            FigureCache cache,
            @Qualifier(FigureThreads.BEAN) Executor figureThreads) {
        this.cache = cache;
        this.figureThreads = figureThreads;
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(FigureProvider::order))
                .toList();
        this.regions = regions;
        this.currentUser = currentUser;
        this.reportingYears = reportingYears;
        this.messages = messages;
        this.clock = clock;
    }

    /** The dashboard of the region (the user's own when null), for the income year (the latest when null). */
    public DashboardView view(String regionCode, Integer year, Locale locale) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_HOUSEHOLDS);
        return view(regionInScope(regionCode, user), user.scope(), year, locale);
    }

    /** The dashboard of a region inside the scope, which the caller has checked. */
    DashboardView view(Region region, RegionScope scope, Integer year, Locale locale) {
        List<Region> children = regions.children(region.code());
        int groupDigits = children.isEmpty()
                ? level(region.code()).digits()
                : level(children.get(0).code()).digits();
        String stamp = cache.stamp();
        List<Integer> years = cache.get(stamp, "incomeYears", "", () -> List.copyOf(incomeYears()));
        int shownYear =
                year != null ? year : years.isEmpty() ? LocalDate.now(clock).getYear() - 1 : years.get(0);
        // the region lies inside the scope, so its own scope selects the same rows: figures computed for it are the
        // same for every user who may see it, and are kept once for all of them (and for the warm-up)
        FigureQuery query = new FigureQuery(
                RegionScope.of(region.code()), prefix(region.code()), groupDigits, shownYear, LocalDate.now(clock));
        boolean villageRows = children.isEmpty() || level(children.get(0).code()) == RegionLevel.VILLAGE;
        boolean regionIsVillage = level(region.code()) == RegionLevel.VILLAGE;
        TableBuilder tables = new TableBuilder(
                children,
                region,
                regionIsVillage,
                villageRows && !children.isEmpty(),
                (key, fallback) -> messages.getMessage(key, null, fallback, locale),
                locale);
        List<DashboardView.Section> sections = new ArrayList<>();
        List<FigureTable.Cell> headlines = new ArrayList<>();
        // each provider's statements on a connection of its own, side by side, so the page waits for the slowest
        // provider rather than for their sum;
        // a provider keeps to the scope the query carries, it does not read the signed-in user
        List<CompletableFuture<Figures>> computing = providers.stream()
                .map(provider -> CompletableFuture.supplyAsync(
                        () -> new Figures(
                                cache.get(
                                        stamp,
                                        provider.id() + ".byRegion",
                                        query,
                                        () -> List.copyOf(provider.byRegion(query))),
                                cache.get(stamp, provider.id() + ".breakdown", query, () -> provider.breakdown(query))),
                        figureThreads))
                .toList();
        for (int i = 0; i < providers.size(); i++) {
            FigureProvider provider = providers.get(i);
            Figures figures = join(computing.get(i));
            List<FigureValue> values = figures.byRegion();
            Optional<Breakdown> breakdownValues = figures.breakdown();
            TableBuilder.VillageTables shown = tables.suppressTogether(
                    provider,
                    tables.byRegion(provider, query, values),
                    breakdownValues.map(b -> tables.breakdown(provider, b)).orElse(null));
            FigureTable byRegion = shown.byRegion();
            FigureTable breakdown = shown.breakdown();
            provider.headlineMeasures()
                    .forEach(id -> byRegion.total().cells().stream()
                            .filter(c -> c.measure().id().equals(id))
                            .findFirst()
                            .ifPresent(headlines::add));
            sections.add(new DashboardView.Section(
                    provider.id(), provider.titleKey(), provider.noteKey(), byRegion, breakdown));
        }
        List<Region> path = regions.path(region.code()).stream()
                .filter(r -> scope.covers(r.code()))
                .toList();
        return new DashboardView(region, path, shownYear, years, villageRows || regionIsVillage, headlines, sections);
    }

    /**
     * The query behind one figure: the region (inside the scope) grouped by itself, for the year. Used to list the
     * households behind a figure.
     */
    public FigureQuery queryFor(String regionCode, Integer year) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_HOUSEHOLDS);
        Region region = regionInScope(regionCode, user);
        int shownYear = year != null
                ? year
                : incomeYears().stream().findFirst().orElse(LocalDate.now(clock).getYear() - 1);
        String prefix = prefix(region.code());
        return new FigureQuery(user.scope(), prefix, prefix.length(), shownYear, LocalDate.now(clock));
    }

    /**
     * Whether the registry counts any household in the region: one provider's statement for the region as a whole,
     * so that work on the figures of an empty region (most provinces of a deployment) can be skipped.
     */
    boolean hasHouseholds(Region region) {
        String prefix = prefix(region.code());
        FigureQuery query = new FigureQuery(
                RegionScope.of(region.code()),
                prefix,
                prefix.length(),
                LocalDate.now(clock).getYear() - 1,
                LocalDate.now(clock));
        return providerOf(HOUSEHOLDS).byRegion(query).stream()
                .anyMatch(v -> v.measureId().equals(HOUSEHOLDS) && v.value().signum() > 0);
    }

    /** The provider that owns the measure, or an input error naming the field. */
    FigureProvider providerOf(String measureId) {
        String id = measureId == null ? "" : measureId;
        return providers.stream()
                .filter(p -> p.measures().stream().anyMatch(m -> m.id().equals(id))
                        || p.breakdownMeasures().stream().anyMatch(m -> m.id().equals(id)))
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("measure", "unknown_measure", "no figure called '" + id + "'"));
    }

    private Region regionInScope(String regionCode, BulwarkUser user) {
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.strip();
        String normalized;
        try {
            normalized = RegionCode.normalize(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("region", "region_code", e.getMessage());
        }
        if (!user.scope().covers(normalized)) {
            // outside the scope reads as absent: the dashboard does not confirm which regions have data
            throw new NotFoundException("region", code);
        }
        return regions.find(normalized).orElseThrow(() -> new NotFoundException("region", code));
    }

    /** The years with income records, newest first (the income module keeps them). */
    private List<Integer> incomeYears() {
        return reportingYears.newestFirst();
    }

    private static RegionLevel level(String code) {
        return RegionCode.parse(code).level();
    }

    private static String prefix(String code) {
        return RegionCode.parse(code).prefix();
    }
}
