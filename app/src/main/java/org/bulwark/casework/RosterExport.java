package org.bulwark.casework;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CountyScopes;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.region.Regions;
import org.bulwark.registry.RegistryBulk;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's monitoring roster written out in the import's own template (issue 13, item 5): one row per monitoring
 * period, recorded from a roster or made here through the procedure, so that the file imported back unchanged
 * changes nothing. Scoped as the import is (a township exports only its villages). The file holds the heads' full
 * identity numbers, so the user must be allowed to reveal them, as for the registry export; audited as an export.
 */
@Service
public class RosterExport {

    private final RosterHistory history;
    private final RegistryBulk registry;
    private final Regions regions;
    private final CountyScopes countyScopes;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    RosterExport(
            RosterHistory history,
            RegistryBulk registry,
            Regions regions,
            CountyScopes countyScopes,
            CurrentUser currentUser,
            AuditLog audit) {
        this.history = history;
        this.registry = registry;
        this.regions = regions;
        this.countyScopes = countyScopes;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The export's format. */
    public enum Format {
        XLSX,
        CSV;

        /** The format of a file extension (xlsx or csv). */
        public static Format of(String extension) {
            return Format.valueOf(extension.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What an export wrote: the region (the county, or the user's part of it), households and rows (periods). */
    public record Exported(String regionCode, int households, int rows) {}

    /** Writes the county's (or the user's part of it) roster to {@code out}, which stays open. */
    // read and audited in one transaction (the audit is a write): no export goes unrecorded
    @Transactional
    public Exported export(String countyCode, Format format, OutputStream out) throws IOException {
        BulwarkUser user = currentUser.require();
        if (!user.can(Role.Permission.REVEAL_PERSONAL_DATA)) {
            throw new AccessDeniedException("the roster export holds the heads' full identity numbers");
        }
        currentUser.requirePermission(Role.Permission.ASSIGN_HELPERS);
        RegionScope scope = countyScopes.of(user, countyCode);
        Map<Long, RegistryBulk.Head> heads = registry.heads(scope, history.monitored(scope));
        Map<Long, RosterHousehold> households = history.households(heads.keySet());
        List<RosterHousehold> ordered = new ArrayList<>(households.values());
        ordered.sort(Comparator.comparing(h -> heads.get(h.householdId()).householdNumber()));
        int measures = ordered.stream()
                .flatMap(h -> h.periods().stream())
                .mapToInt(r -> r.measures().size())
                .max()
                .orElse(0);
        List<String> headers = RosterColumns.withMeasures(measures);
        List<String[]> rows = new ArrayList<>();
        for (RosterHousehold h : ordered) {
            for (RosterRow period : h.periods()) {
                rows.add(row(headers, heads.get(h.householdId()), period));
            }
        }
        if (format == Format.CSV) {
            RosterExportFiles.csv(headers, rows, out);
        } else {
            List<String> notes = new ArrayList<>();
            notes.add("监测对象名单导出：与导入模板同一格式，每个监测期一行；原样再导入不会改变任何数据。文件含户主完整身份证号，请妥善保管。");
            notes.addAll(RosterTemplate.notes());
            RosterExportFiles.xlsx(headers, rows, notes, out);
        }
        Exported exported = new Exported(RegionCode.parse(scope.prefix()).value(), ordered.size(), rows.size());
        record(format, exported);
        return exported;
    }

    /** The row of one period, in the template's words. */
    private static String[] row(List<String> headers, RegistryBulk.Head head, RosterRow p) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(RosterColumns.HOUSEHOLD_NUMBER, head.householdNumber());
        cells.put(RosterColumns.HEAD_ID, head.headIdNumber());
        cells.put(RosterColumns.TYPE, RosterWords.word(RosterWords.TYPES, p.type()));
        cells.put(RosterColumns.IDENTIFIED_ON, p.identifiedOn().toString());
        for (int i = 0; i < p.risks().size(); i++) {
            cells.put(
                    RosterColumns.risk(i + 1),
                    RosterWords.word(RosterWords.RISKS, p.risks().get(i)));
        }
        cells.put(RosterColumns.HELPER, p.helper());
        cells.put(RosterColumns.HELPER_PHONE, p.helperPhone());
        for (RosterRow.Measure m : p.measures()) {
            int n = m.index();
            cells.put(
                    RosterColumns.measure(n, RosterColumns.CATEGORY),
                    RosterWords.word(RosterWords.MEASURES, m.category()));
            cells.put(RosterColumns.measure(n, RosterColumns.CONTENT), m.content());
            cells.put(RosterColumns.measure(n, RosterColumns.DEPARTMENT), m.department());
            cells.put(
                    RosterColumns.measure(n, RosterColumns.STARTS_ON),
                    m.startsOn().toString());
            cells.put(
                    RosterColumns.measure(n, RosterColumns.ENDS_ON),
                    m.endsOn() == null ? null : m.endsOn().toString());
        }
        cells.put(RosterColumns.ELIMINATED, p.eliminated() ? "是" : "否");
        if (p.eliminated()) {
            cells.put(RosterColumns.ELIMINATED_ON, p.eliminatedOn().toString());
            cells.put(RosterColumns.NATURALLY, p.naturally() ? "是" : "否");
        }
        cells.put(
                RosterColumns.REVERSED_ON,
                p.reversedOn() == null ? null : p.reversedOn().toString());
        String[] row = new String[headers.size()];
        for (int i = 0; i < row.length; i++) {
            String value = cells.get(headers.get(i));
            row[i] = value == null || value.isEmpty() ? null : value;
        }
        return row;
    }

    private void record(Format format, Exported e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", format.name());
        after.put("households", e.households());
        after.put("rows", e.rows());
        audit.record(
                new AuditRecord(AuditAction.EXPORT, "roster_export", e.regionCode(), e.regionCode(), null, null, after)
                        .described(
                                "rosterExported",
                                regions.nameOf(e.regionCode()),
                                e.households(),
                                e.rows(),
                                format.name().toLowerCase(Locale.ROOT)));
    }
}
