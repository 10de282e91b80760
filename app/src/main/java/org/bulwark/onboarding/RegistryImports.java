package org.bulwark.onboarding;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CountyScopes;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ChangeCounters;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.RegistryBulk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A county's registry files brought in: {@link #preview} reads, checks and matches a file and keeps what it read for
 * an hour, with its plan; {@link #commit} plans again against the registry as it is then (unless nothing in the
 * registry changed since the preview, when the kept plan is the same), inside one transaction, and stores the whole
 * file or nothing, audited as one action. The importer's region is the county asked for, narrowed to the
 * user's own region (a township imports only into its villages).
 */
@Service
public class RegistryImports {

    private static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_KEPT = 20;

    private final RegistryFileReader reader;
    private final RegistryBulk registry;
    private final IncomeImport incomes;
    private final CountyScopes countyScopes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    RegistryImports(
            RegistryFileReader reader,
            RegistryBulk registry,
            IncomeImport incomes,
            CountyScopes countyScopes,
            CurrentUser currentUser,
            AuditLog audit,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.reader = reader;
        this.registry = registry;
        this.incomes = incomes;
        this.countyScopes = countyScopes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A file read and kept for its commit, with who read it, and its plan with the registry's change counter read
     * before the plan read the registry (V12: every statement that changes a household, person or income counts it
     * up, and the counter's row stays locked until that statement's transaction ends).
     */
    private record Kept(
            RegistryFile file,
            String username,
            String countyCode,
            Instant at,
            RegionScope scope,
            Planned planned,
            long registryChanges) {}

    /** Hears how long each step of an import took, by name (the benchmark's phases). */
    @FunctionalInterface
    public interface Phases {
        /** No one listens. */
        Phases NONE = (phase, nanos) -> {};

        void took(String phase, long nanos);

        /** Runs a step and tells how long it took. */
        default <T> T time(String phase, java.util.function.Supplier<T> step) {
            long start = System.nanoTime();
            T result = step.get();
            took(phase, System.nanoTime() - start);
            return result;
        }
    }

    /** Reads, checks and matches a file; nothing is stored. {@code progress} hears the rows read so far. */
    @Transactional(readOnly = true)
    public ImportPreview preview(Path file, String fileName, String countyCode, ImportProgress progress)
            throws IOException {
        return preview(file, fileName, countyCode, progress, Phases.NONE);
    }

    /** {@link #preview(Path, String, String, ImportProgress)}, telling {@code phases} how long each step took. */
    @Transactional(readOnly = true)
    public ImportPreview preview(Path file, String fileName, String countyCode, ImportProgress progress, Phases phases)
            throws IOException {
        RegionScope scope = scopeFor(countyCode);
        countyCode = RegionCode.parse(countyCode.strip()).value();
        long reading = System.nanoTime();
        RegistryFile read = reader.read(file, fileName, countyCode, scope, progress);
        phases.took("read", System.nanoTime() - reading);
        progress.phase(ImportProgress.Phase.MATCHING);
        long changes = ChangeCounters.read(jdbc, ChangeCounters.REGISTRY);
        Planned planned = plan(read, scope, phases);
        progress.refused(planned.refused());
        String id = UUID.randomUUID().toString();
        forgetOld();
        kept.put(
                id,
                new Kept(
                        read,
                        currentUser.require().getUsername(),
                        countyCode,
                        Instant.now(clock),
                        scope,
                        planned,
                        changes));
        return shown(planned.preview(id, read, Instant.now(clock)));
    }

    /** Health and disability values stay out of a preview for importers who may not read them (province admins). */
    private ImportPreview shown(ImportPreview preview) {
        return currentUser.require().can(Role.Permission.READ_SENSITIVE_DATA)
                ? preview
                : preview.withSensitiveWithheld("（无权查看）");
    }

    /** Stores a previewed file as the registry is now: whole or nothing; audited as one import. */
    @Transactional
    public ImportPreview commit(String previewId) {
        return commit(previewId, ImportProgress.NONE, Phases.NONE);
    }

    /** {@link #commit(String)}, telling {@code progress} its phases and the households written. */
    @Transactional
    public ImportPreview commit(String previewId, ImportProgress progress) {
        return commit(previewId, progress, Phases.NONE);
    }

    /** {@link #commit(String)}, telling {@code phases} how long each step took. */
    @Transactional
    public ImportPreview commit(String previewId, Phases phases) {
        return commit(previewId, ImportProgress.NONE, phases);
    }

    /** {@link #commit(String)}, telling {@code progress} its phases and households written, {@code phases} its times. */
    @Transactional
    public ImportPreview commit(String previewId, ImportProgress progress, Phases phases) {
        Kept k = kept.get(previewId);
        if (k == null || !k.username().equals(currentUser.require().getUsername())) {
            throw new NotFoundException("import preview", previewId);
        }
        RegionScope scope = scopeFor(k.countyCode());
        // one import at a time per county, so two commits cannot both insert the same new household
        jdbc.sql("select pg_advisory_xact_lock(hashtext('registry_import:' || :c))")
                .param("c", k.countyCode())
                .query()
                .singleRow();
        progress.phase(ImportProgress.Phase.MATCHING);
        Planned planned = replanned(k, scope, phases);
        progress.refused(planned.refused());
        ImportPreview preview = planned.preview(previewId, k.file(), Instant.now(clock));
        progress.phase(ImportProgress.Phase.WRITING);
        long importId = phases.time("audit", () -> record(k.file(), preview));
        List<Long> written = phases.time(
                "store",
                () -> planned.members == null
                        ? incomes.store(scope, planned.incomes)
                        : registry.store(scope, planned.members.writes(), storing(progress)));
        progress.step("登记本次导入的户");
        phases.time("link", () -> {
            link(importId, written, planned);
            return null;
        });
        if (planned.members != null) {
            events.publishEvent(new RegistryImported(importId, scope.prefix()));
        }
        kept.remove(previewId);
        return shown(preview.committed(importId));
    }

    private static RegistryBulk.StoreProgress storing(ImportProgress progress) {
        return new RegistryBulk.StoreProgress() {
            @Override
            public void sent(long households) {
                progress.written(households);
            }

            @Override
            public void step(String step) {
                progress.step(step);
            }
        };
    }

    /**
     * The plan as the registry is now: the preview's own when no statement has changed the registry since the preview
     * read the counter (read here after the county's lock, so no other import of the county is under way), so that
     * the commit of an unchanged registry does not read and match a million persons a second time.
     */
    private Planned replanned(Kept k, RegionScope scope, Phases phases) {
        if (k.scope().equals(scope) && ChangeCounters.read(jdbc, ChangeCounters.REGISTRY) == k.registryChanges()) {
            return k.planned();
        }
        return plan(k.file(), scope, phases);
    }

    /** The preview kept under this id, if the user made it. */
    public boolean isKept(String previewId) {
        Kept k = kept.get(previewId);
        return k != null
                && currentUser
                        .find()
                        .map(u -> u.getUsername().equals(k.username()))
                        .orElse(false);
    }

    private record Planned(MembersPlan.Result members, IncomeImport.Result incomes) {

        ImportPreview preview(String id, RegistryFile file, Instant at) {
            ImportPreview.Counts counts = members != null ? members.counts() : incomes.counts();
            return new ImportPreview(
                    id,
                    file.fileName(),
                    file.sha256(),
                    file.kind(),
                    file.regionCode(),
                    at,
                    counts,
                    members != null ? members.changes() : incomes.changes(),
                    listed(members != null ? members.refused() : incomes.refused()),
                    !counts.nothingToStore(),
                    null);
        }

        List<RowRefusal> refused() {
            return members != null ? members.refused() : incomes.refused();
        }

        private static List<RowRefusal> listed(List<RowRefusal> refused) {
            return refused.size() <= ImportPreview.LISTED
                    ? refused
                    : List.copyOf(refused.subList(0, ImportPreview.LISTED));
        }
    }

    private Planned plan(RegistryFile file, RegionScope scope, Phases phases) {
        if (file.kind() == RegistryFileKind.INCOMES) {
            return phases.time("plan", () -> new Planned(null, incomes.plan(file, scope)));
        }
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        file.members().forEach(m -> {
            ids.add(m.person().idNumber());
            numbers.add(m.householdNumber());
        });
        RegistryBulk.Holdings holdings = phases.time("holdings", () -> registry.holdings(scope, ids, numbers));
        return phases.time("plan", () -> new Planned(MembersPlan.plan(file, holdings), null));
    }

    /**
     * The importer's region: the county asked for, or the user's own region inside it. Refused unless the user may
     * edit the registry at township level or above, or administers the prefecture or province the county lies in.
     */
    /**
     * Whether the user may import a registry at all (into which county is checked on each file): an editor of the
     * registry above the village (county approver, township reviewer) or a prefecture or province administrator.
     */
    public static boolean mayImport(BulwarkUser user) {
        boolean editor = user.role().can(Role.Permission.EDIT_REGISTRY)
                && RegionCode.parse(user.regionCode()).level() != RegionLevel.VILLAGE;
        return editor || user.role() == Role.PREFECTURE_ADMIN || user.role() == Role.PROVINCE_ADMIN;
    }

    RegionScope scopeFor(String countyCode) {
        BulwarkUser user = currentUser.require();
        if (!mayImport(user)) {
            throw new AccessDeniedException("role " + user.role() + " may not import the registry");
        }
        return countyScopes.of(user, countyCode);
    }

    private long record(RegistryFile file, ImportPreview preview) {
        String username = currentUser.require().getUsername();
        long id = jdbc.sql("""
                insert into registry_import (kind, file_name, sha256, region_code, username, counts)
                values (:kind, :file, :sha, :region, :user, cast(:counts as jsonb)) returning id
                """)
                .param("kind", file.kind().name())
                .param("file", file.fileName())
                .param("sha", file.sha256())
                .param("region", file.regionCode())
                .param("user", username)
                .param("counts", json.writeValueAsString(preview.counts()))
                .query(Long.class)
                .single();
        ImportPreview.Counts c = preview.counts();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", file.fileName());
        after.put("sha256", file.sha256());
        after.put("rows", c.rows());
        after.put("householdsNew", c.householdsNew());
        after.put("householdsChanged", c.householdsChanged());
        after.put("householdsUnchanged", c.householdsUnchanged());
        after.put("householdsRefused", c.householdsRefused());
        after.put("personsNew", c.personsNew());
        after.put("personsChanged", c.personsChanged());
        after.put("personsUnchanged", c.personsUnchanged());
        after.put("incomesNew", c.incomesNew());
        after.put("incomesChanged", c.incomesChanged());
        after.put("incomesUnchanged", c.incomesUnchanged());
        after.put("rowsRefused", c.rowsRefused());
        after.put("rowsWithheld", c.rowsWithheld());
        audit.record(new AuditRecord(
                        AuditAction.IMPORT, "registry_import", String.valueOf(id), file.regionCode(), null, null, after)
                .described(
                        "registryImported",
                        file.kind().label(),
                        file.fileName(),
                        file.sha256(),
                        c.householdsNew() + c.incomesNew(),
                        c.personsNew(),
                        c.householdsChanged() + c.incomesChanged(),
                        c.personsChanged(),
                        c.rowsRefused() + c.rowsWithheld()));
        return id;
    }

    /**
     * The imports that created or changed a household, newest first: its trail names them as the source of those
     * changes. The caller has already found the household in the user's region (the household file does).
     */
    @Transactional(readOnly = true)
    public List<HouseholdImport> ofHousehold(long householdId) {
        return jdbc.sql("""
                select i.id, i.kind, i.file_name, h.change, i.at, i.username
                from registry_import_household h join registry_import i on i.id = h.import_id
                where h.household_id = :h order by i.at desc, i.id desc limit 20
                """)
                .param("h", householdId)
                .query((rs, n) -> new HouseholdImport(
                        rs.getLong("id"),
                        RegistryFileKind.valueOf(rs.getString("kind")),
                        rs.getString("file_name"),
                        rs.getString("change"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("username")))
                .list();
    }

    private void link(long importId, List<Long> households, Planned planned) {
        if (households.isEmpty()) {
            return;
        }
        List<String> changes = planned.members != null ? planned.members.changeKinds() : planned.incomes.changeKinds();
        jdbc.sql("""
                insert into registry_import_household (import_id, household_id, change)
                select :i, unnest(cast(:h as bigint[])), unnest(cast(:c as varchar[]))
                on conflict do nothing
                """)
                .param("i", importId)
                .param("h", households.toArray(Long[]::new))
                .param("c", changes.toArray(String[]::new))
                .update();
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEPT);
        kept.entrySet().removeIf(e -> e.getValue().at().isBefore(limit));
        while (kept.size() >= MAX_KEPT) {
            kept.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.at().compareTo(b.at())))
                    .ifPresent(e -> kept.remove(e.getKey()));
        }
    }
}
