package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a county's monitoring roster in as its households' casework history (issue 13, item 2): a preview says per
 * household what a file would do; a commit stores every accepted household in one transaction, or nothing. Each
 * period becomes monitoring events, helper assignments and delivered measures marked with the file and row, never
 * case steps (the procedure did not run here). The same file again changes nothing. County and township users, within
 * their region: a household outside it is "not found", exactly as one that does not exist.
 */
@Service
@Transactional
public class RosterImport {

    private final RosterMatcher matcher;
    private final RosterStore store;
    private final Registry registry;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    RosterImport(
            RosterMatcher matcher,
            RosterStore store,
            Registry registry,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.matcher = matcher;
        this.store = store;
        this.registry = registry;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses unless the signed-in user may import a roster (a county or township user). */
    public void requireImporter() {
        currentUser.requirePermission(Role.Permission.ASSIGN_HELPERS);
    }

    /** What the file would do; stores nothing. */
    @Transactional(readOnly = true)
    public RosterPreview preview(RosterRead file) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.ASSIGN_HELPERS);
        return plan(file, user).preview(file, null);
    }

    /** Stores what the preview says, in this one transaction, and audits it as one import. */
    public RosterPreview commit(RosterRead file) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.ASSIGN_HELPERS);
        RosterPlan plan = plan(file, user);
        RosterPreview counted = plan.preview(file, null);
        Long importId = null;
        if (counted.count(RosterPreview.Outcome.NEW) + counted.count(RosterPreview.Outcome.CHANGED) > 0) {
            importId = store.insertImport(
                    file.fileName(),
                    file.sha256(),
                    user.regionCode(),
                    new RosterStore.Counts(
                            file.rowsTotal(),
                            counted.count(RosterPreview.Outcome.NEW),
                            counted.count(RosterPreview.Outcome.CHANGED),
                            counted.count(RosterPreview.Outcome.UNCHANGED),
                            counted.rowsRefused()),
                    user.getUsername());
            for (RosterPlan.Planned planned : plan.toWrite()) {
                write(importId, file.fileName(), planned, user);
            }
        }
        RosterPreview done = plan.preview(file, importId);
        audited(done, user);
        return done;
    }

    private void write(long importId, String fileName, RosterPlan.Planned planned, BulwarkUser user) {
        RosterHousehold household = planned.household();
        if (planned.outcome() == RosterPreview.Outcome.CHANGED) {
            store.clear(household.householdId());
        }
        store.write(importId, fileName, household, user.getUsername());
        registry.recordMonitoring(household.householdId(), household.state() == MonitoringState.MONITORED);
        // the household's own trail names the import as the source of its history
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rosterImport", importId);
        after.put("fileName", fileName);
        after.put("rows", household.periods().stream().map(RosterRow::row).toList());
        after.put("status", household.state());
        after.put("monitoringType", household.last().type());
        audit.record(new AuditRecord(
                        planned.outcome() == RosterPreview.Outcome.NEW ? AuditAction.CREATE : AuditAction.UPDATE,
                        "monitoring",
                        String.valueOf(household.householdId()),
                        household.villageCode(),
                        null,
                        null,
                        after)
                .described("monitoringFromRoster", fileName, importId));
    }

    private RosterPlan plan(RosterRead file, BulwarkUser user) {
        return matcher.plan(file, user, LocalDate.now(clock));
    }

    private void audited(RosterPreview done, BulwarkUser user) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", done.fileName());
        after.put("sha256", done.sha256());
        after.put("rows", done.rowsTotal());
        after.put("householdsNew", done.count(RosterPreview.Outcome.NEW));
        after.put("householdsChanged", done.count(RosterPreview.Outcome.CHANGED));
        after.put("householdsUnchanged", done.count(RosterPreview.Outcome.UNCHANGED));
        after.put("rowsRefused", done.rowsRefused());
        after.put("importedBy", user.getUsername());
        audit.record(new AuditRecord(
                        AuditAction.IMPORT,
                        "roster_import",
                        done.importId() == null ? done.sha256() : String.valueOf(done.importId()),
                        user.regionCode(),
                        null,
                        null,
                        after)
                .described(
                        "rosterImported",
                        done.fileName(),
                        done.count(RosterPreview.Outcome.NEW),
                        done.count(RosterPreview.Outcome.CHANGED),
                        done.count(RosterPreview.Outcome.UNCHANGED),
                        done.rowsRefused()));
    }
}
