package org.bulwark.village;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.village.Indicator;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.core.village.IndicatorValues;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conditions of villages per year: read by anyone who reads the village's households, written by its township
 * and county. A village outside the user's region is "not found", here below the web layer, for pages and API alike.
 */
@Service
@Transactional
public class VillageConditions {

    /** The roles that record villages' conditions: townships for their villages, counties for theirs. */
    static final Set<Role> WRITERS = Set.of(Role.TOWNSHIP_REVIEWER, Role.COUNTY_APPROVER);

    static final String AUDITED = "village_condition";

    private final VillageConditionStore store;
    private final IndicatorCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    VillageConditions(
            VillageConditionStore store,
            IndicatorCatalogue catalogue,
            CurrentUser currentUser,
            Regions regions,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The indicators, in order. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    /** Whether the signed-in user may record conditions (a township or county role). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean canWrite() {
        return currentUser.find().map(u -> WRITERS.contains(u.role())).orElse(false);
    }

    /** The village's values in the year (empty values when none are recorded). */
    @Transactional(readOnly = true)
    public VillageYear of(String villageCode, int year) {
        Region village = village(villageCode, currentUser.scope());
        return read(village, year);
    }

    /** The village's latest recorded year up to {@code year}, if any: what a household's file shows. */
    @Transactional(readOnly = true)
    public Optional<VillageYear> latest(String villageCode, int year) {
        Region village = village(villageCode, currentUser.scope());
        return store.latestYear(village.code(), year).map(y -> read(village, y));
    }

    /** The years recorded for the village, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> years(String villageCode) {
        return store.years(village(villageCode, currentUser.scope()).code());
    }

    /**
     * What a form for the year starts from: the year's values when recorded, else the latest earlier year's, so that
     * nobody types again what the platform knows. {@link VillageYear#year()} says which year the values are from.
     */
    @Transactional(readOnly = true)
    public VillageYear startingPoint(String villageCode, int year) {
        Region village = village(villageCode, requireWriter().scope());
        return store.latestYear(village.code(), year)
                .map(y -> read(village, y))
                .orElseGet(() -> new VillageYear(village.code(), village.name(), year, Map.of(), null, null));
    }

    /**
     * Records a village's year whole: every indicator of the catalogue must have a valid value, else nothing is
     * saved and every wrong field is named (by indicator code). The change is audited with the values before and
     * after.
     */
    public VillageYear record(String villageCode, int year, Map<String, String> typed) {
        BulwarkUser user = requireWriter();
        Region village = village(villageCode, user.scope());
        Map<String, BigDecimal> values = parse(year, typed);
        write(List.of(new Entry(village.code(), year, values)), user);
        return read(village, year);
    }

    /** A village's year to write, already checked. */
    record Entry(String villageCode, int year, Map<String, BigDecimal> values) {}

    /**
     * Writes checked entries of villages in the user's scope and audits each; in the caller's transaction. A village's
     * year is audited as one object, named by the id of its first value (a bare village code would read as a code).
     */
    void write(List<Entry> entries, BulwarkUser user) {
        List<VillageConditionStore.Write> writes = new ArrayList<>();
        Map<Entry, Map<String, BigDecimal>> before = new LinkedHashMap<>();
        for (Entry entry : entries) {
            before.put(entry, plain(store.values(entry.villageCode(), entry.year())));
            entry.values()
                    .forEach((code, value) -> writes.add(
                            new VillageConditionStore.Write(entry.villageCode(), entry.year(), code, value)));
        }
        store.write(writes, user.getUsername(), clock.instant());
        before.forEach((entry, was) -> audited(entry, was).ifPresent(audit::record));
    }

    /** Refuses unless the signed-in user records conditions. */
    BulwarkUser requireWriter() {
        BulwarkUser user = currentUser.require();
        if (!WRITERS.contains(user.role())) {
            throw new AccessDeniedException("role " + user.role() + " does not record village conditions");
        }
        currentUser.scope();
        return user;
    }

    /** The village with this code inside the scope; anything else is not found. */
    Region village(String villageCode, RegionScope scope) {
        return findVillage(villageCode, scope).orElseThrow(() -> new NotFoundException("village", villageCode));
    }

    /** The village with this code inside the scope, if it is one (an import names a wrong one as a reason). */
    Optional<Region> findVillage(String villageCode, RegionScope scope) {
        return regions.find(villageCode).filter(Region::isVillage).filter(r -> scope.covers(r.code()));
    }

    private Map<String, BigDecimal> parse(int year, Map<String, String> typed) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > clock.instant().atZone(clock.getZone()).getYear()) {
            problems.add(new FieldProblem("year", "year_out_of_range", "year must lie between 2000 and this year"));
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            IndicatorValues.Parsed parsed = IndicatorValues.parse(indicator, typed.get(indicator.code()));
            if (parsed.valid()) {
                values.put(indicator.code(), parsed.value());
            } else {
                problems.add(new FieldProblem(
                        indicator.code(),
                        parsed.problem().code(),
                        indicator.code() + ": " + parsed.problem().code()));
            }
        }
        typed.keySet().stream()
                .filter(code -> catalogue.indicator(code).isEmpty())
                .sorted()
                .forEach(code -> problems.add(new FieldProblem(code, "unknown_indicator", "no such indicator")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return values;
    }

    private Optional<AuditRecord> audited(Entry entry, Map<String, BigDecimal> before) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        entry.values().forEach((code, value) -> {
            BigDecimal old = before.get(code);
            if (old == null || old.compareTo(value) != 0) {
                was.put(code, shown(code, old));
                is.put(code, shown(code, value));
            }
        });
        if (is.isEmpty()) {
            return Optional.empty(); // the same values again change nothing
        }
        long id = store.firstId(entry.villageCode(), entry.year());
        return Optional.of(
                before.isEmpty()
                        ? AuditRecord.created(AUDITED, id, entry.villageCode(), is)
                        : AuditRecord.updated(AUDITED, id, entry.villageCode(), was, is));
    }

    /** A value as the audit page shows it: yes/no as a yes or no it translates, others as the number. */
    private Object shown(String code, BigDecimal value) {
        if (value == null) {
            return null;
        }
        boolean yesNo = catalogue.indicator(code).map(Indicator::yesNo).orElse(false);
        return yesNo
                ? (Object) IndicatorValues.yes(value)
                : value.stripTrailingZeros().toPlainString();
    }

    private VillageYear read(Region village, int year) {
        Map<String, VillageConditionStore.Stored> stored = store.values(village.code(), year);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            VillageConditionStore.Stored s = stored.get(indicator.code());
            if (s != null) {
                values.put(indicator.code(), s.value());
            }
        }
        Optional<VillageConditionStore.Stored> last =
                stored.values().stream().max(Comparator.comparing(VillageConditionStore.Stored::enteredAt));
        return new VillageYear(
                village.code(),
                Regions.shortVillageName(village.name()),
                year,
                values,
                last.map(VillageConditionStore.Stored::enteredBy).orElse(null),
                last.map(VillageConditionStore.Stored::enteredAt).orElse(null));
    }

    private static Map<String, BigDecimal> plain(Map<String, VillageConditionStore.Stored> stored) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        stored.forEach((code, s) -> values.put(code, Objects.requireNonNull(s.value())));
        return values;
    }
}
