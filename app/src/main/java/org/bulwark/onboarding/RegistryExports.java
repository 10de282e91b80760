package org.bulwark.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.income.IncomeAccount;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.Relation;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.income.IncomeBulk;
import org.bulwark.region.Regions;
import org.bulwark.registry.Household;
import org.bulwark.registry.Person;
import org.bulwark.registry.RegistryBulk;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's registry written out in the import's own two templates, so that a file exported and imported again
 * unchanged changes nothing: the values are the words the import accepts, villages by their code (with township and
 * village name for the reader). Read through the registry's and income's bulk APIs, scoped as the import is (a
 * township exports only its villages); audited as an export. The file holds full identity numbers (the import
 * matches persons by them), so the user must be allowed to reveal them; health and disability only for those who may
 * read sensitive data — for others the cells say so, and such a file cannot be imported back (those rows are refused).
 */
@Service
public class RegistryExports {

    private static final TableTemplate MEMBERS = RegistryFileKind.MEMBERS.template();

    /** What a cell of health or disability holds for a user who may not read them: not a word the import takes. */
    public static final String WITHHELD = "（无权查看）";

    private final RegistryImports imports;
    private final RegistryBulk registry;
    private final IncomeBulk incomes;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    RegistryExports(
            RegistryImports imports,
            RegistryBulk registry,
            IncomeBulk incomes,
            Regions regions,
            CurrentUser currentUser,
            AuditLog audit) {
        this.imports = imports;
        this.registry = registry;
        this.incomes = incomes;
        this.regions = regions;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The export's format. */
    public enum Format {
        XLSX,
        CSV;

        /** The format of a file extension (xlsx or csv). */
        public static Format of(String extension) {
            return Format.valueOf(extension.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What an export wrote: the region (the county, or the user's part of it), households and rows. */
    public record Exported(String regionCode, int households, int rows, boolean sensitiveWithheld) {}

    /** Writes the county's (or the user's part of it) members or incomes file to {@code out}, which stays open. */
    // read and audited in one transaction (the audit is a write): no export goes unrecorded
    @Transactional
    public Exported export(String countyCode, RegistryFileKind kind, Format format, OutputStream out)
            throws IOException {
        RegionScope scope = imports.scopeFor(countyCode);
        if (!currentUser.require().can(Role.Permission.REVEAL_PERSONAL_DATA)) {
            throw new AccessDeniedException("the registry export holds full identity numbers");
        }
        boolean sensitive = currentUser.require().can(Role.Permission.READ_SENSITIVE_DATA);
        RegistryBulk.Holdings holdings = registry.holdings(scope, Set.of(), Set.of());
        List<Household> households = new ArrayList<>(holdings.households().values());
        households.sort(Comparator.comparing(Household::householdNumber));
        List<String[]> rows = kind == RegistryFileKind.MEMBERS
                ? memberRows(households, holdings, sensitive)
                : incomeRows(households, incomes.incomes(scope));
        String notes = notes(kind, sensitive);
        if (format == Format.CSV) {
            RegistryExportFiles.csv(kind.template(), rows, out);
        } else {
            RegistryExportFiles.xlsx(kind.template(), rows, notes, out);
        }
        Exported exported = new Exported(
                RegionCode.parse(scope.prefix()).value(),
                households.size(),
                rows.size(),
                !sensitive && kind == RegistryFileKind.MEMBERS);
        record(kind, format, exported);
        return exported;
    }

    static String notes(RegistryFileKind kind, boolean sensitive) {
        String notes = kind.label() + "导出：与导入模板同一格式，原样再导入不会改变任何数据。";
        if (kind == RegistryFileKind.MEMBERS && !sensitive) {
            notes += "你无权查看健康状况和残疾等级，这两列填为“" + WITHHELD + "”；本文件不能再导入（这些行会被拒绝）。";
        }
        return notes;
    }

    private List<String[]> memberRows(List<Household> households, RegistryBulk.Holdings holdings, boolean sensitive) {
        Map<Long, List<Person>> members = new LinkedHashMap<>();
        holdings.persons()
                .values()
                .forEach(p -> members.computeIfAbsent(p.householdId(), k -> new ArrayList<>())
                        .add(p));
        Map<String, Regions.VillageNames> names = regions.villageNames(
                households.stream().map(Household::villageCode).distinct().toList());
        List<String[]> rows = new ArrayList<>();
        for (Household h : households) {
            householdRows(h, members.getOrDefault(h.id(), List.of()), names.get(h.villageCode()), sensitive)
                    .forEach(rows::add);
        }
        return rows;
    }

    /** A household's rows: the head first, as a county's own file lists a household, then by identity number. */
    private static java.util.stream.Stream<String[]> householdRows(
            Household h, List<Person> members, Regions.VillageNames village, boolean sensitive) {
        List<Person> persons = new ArrayList<>(members);
        persons.sort(Comparator.comparing((Person p) -> p.relation() != Relation.HEAD)
                .thenComparing(Person::idNumber));
        return persons.stream().map(p -> memberRow(h, village, p, sensitive));
    }

    /** A household with its members, as {@link #writeMembersCsv} takes them. */
    public record HouseholdMembers(Household household, List<Person> members) {}

    /**
     * Households with their members written as a members .csv in the export's own shape, health and disability
     * shown: for files made outside the registry (the benchmark's generated county), streamed so that a million
     * persons need not sit in memory. {@code out} stays open.
     *
     * @param villages the names of the households' villages by code (rows of villages missing here have none)
     * @return the rows written
     */
    public static long writeMembersCsv(
            java.util.stream.Stream<HouseholdMembers> households,
            Map<String, Regions.VillageNames> villages,
            OutputStream out)
            throws IOException {
        long[] rows = {0};
        Iterable<String[]> cells = () -> households
                .flatMap(h -> householdRows(
                        h.household(), h.members(), villages.get(h.household().villageCode()), true))
                .peek(r -> rows[0]++)
                .iterator();
        RegistryExportFiles.csv(MEMBERS, cells, out);
        return rows[0];
    }

    private static String[] memberRow(Household h, Regions.VillageNames village, Person p, boolean sensitive) {
        String[] cells = new String[MEMBERS.fields().size()];
        put(cells, "household_number", h.householdNumber());
        put(cells, "village_code", h.villageCode());
        put(cells, "township", village == null ? null : village.townshipName());
        put(cells, "village", village == null ? null : village.villageName());
        put(cells, "category", MembersPlan.word("category", h.category()));
        put(cells, "address", h.address());
        put(cells, "phone", h.phone());
        put(cells, "id_number", p.idNumber());
        put(cells, "name", p.name());
        put(cells, "relation", MembersPlan.word("relation", p.relation()));
        put(cells, "sex", MembersPlan.word("sex", p.sex()));
        put(cells, "birth_date", p.birthDate() == null ? null : p.birthDate().toString());
        put(cells, "education", MembersPlan.word("education", p.education()));
        put(cells, "schooling", MembersPlan.word("schooling", p.schooling()));
        put(cells, "health", sensitive ? MembersPlan.word("health", p.health()) : WITHHELD);
        put(cells, "disability", sensitive ? MembersPlan.word("disability", p.disability()) : WITHHELD);
        put(cells, "labour_capacity", MembersPlan.word("labour_capacity", p.labourCapacity()));
        put(cells, "employment", MembersPlan.word("employment", p.employment()));
        put(cells, "employment_place", MembersPlan.word("employment_place", p.employmentPlace()));
        put(
                cells,
                "employment_months",
                p.employmentMonths() == null ? null : p.employmentMonths().toString());
        put(cells, "medical_insured", p.medicalInsured() ? "是" : "否");
        put(cells, "pension_insured", p.pensionInsured() ? "是" : "否");
        return cells;
    }

    private static void put(String[] cells, String field, String value) {
        cells[MEMBERS.position(field)] = value == null || value.isEmpty() ? null : value;
    }

    private static List<String[]> incomeRows(List<Household> households, Map<Long, Map<Integer, IncomeAccount>> all) {
        List<String[]> rows = new ArrayList<>();
        for (Household h : households) {
            Map<Integer, IncomeAccount> years = all.getOrDefault(h.id(), Map.of());
            years.keySet().stream().sorted().forEach(year -> {
                IncomeAccount a = years.get(year);
                rows.add(new String[] {
                    h.householdNumber(),
                    year.toString(),
                    plain(a.wage()),
                    plain(a.operating()),
                    plain(a.property()),
                    plain(a.transfer()),
                    plain(a.productionCost())
                });
            });
        }
        return rows;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private void record(RegistryFileKind kind, Format format, Exported e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("format", format.name());
        after.put("households", e.households());
        after.put("rows", e.rows());
        after.put("sensitiveWithheld", e.sensitiveWithheld());
        audit.record(new AuditRecord(
                        AuditAction.EXPORT, "registry_export", e.regionCode(), e.regionCode(), null, null, after)
                .described(
                        "registryExported",
                        kind.label(),
                        regions.nameOf(e.regionCode()),
                        e.households(),
                        e.rows(),
                        format.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
