package org.bulwark.onboarding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.income.IncomeAccount;
import org.bulwark.identity.RegionScope;
import org.bulwark.income.IncomeBulk;
import org.bulwark.onboarding.ImportPreview.Change;
import org.bulwark.onboarding.ImportPreview.FieldChange;
import org.bulwark.onboarding.ImportPreview.HouseholdChange;
import org.bulwark.registry.Household;
import org.bulwark.registry.RegistryBulk;
import org.springframework.stereotype.Component;

/**
 * What an incomes file does: each household's years new, changed or unchanged. A household must be in the
 * importer's region (one elsewhere is "not found", as one that does not exist); a household with any refused row
 * is not stored.
 */
@Component
class IncomeImport {

    private final RegistryBulk registry;
    private final IncomeBulk incomes;

    IncomeImport(RegistryBulk registry, IncomeBulk incomes) {
        this.registry = registry;
        this.incomes = incomes;
    }

    /** The plan: the years to write (in household order) and the preview's parts. */
    record Result(
            List<IncomeBulk.IncomeWrite> writes,
            List<Long> households,
            List<String> kinds,
            ImportPreview.Counts counts,
            List<HouseholdChange> changes,
            List<RowRefusal> refused) {

        List<String> changeKinds() {
            return kinds;
        }
    }

    Result plan(RegistryFile file, RegionScope scope) {
        Map<String, Household> households =
                registry.holdings(scope, Set.of(), Set.of()).households();
        Map<Long, Map<Integer, IncomeAccount>> stored = incomes.incomes(scope);
        List<RowRefusal> refused = new ArrayList<>(file.refused());
        Map<String, Long> refusedHouseholds = new HashMap<>();
        file.refused().forEach(r -> refusedHouseholds.putIfAbsent(String.valueOf(r.householdNumber()), r.row()));
        Map<String, List<IncomeLine>> byHousehold = new LinkedHashMap<>();
        Map<String, Long> firstRow = new HashMap<>();
        for (IncomeLine line : file.incomes()) {
            Long first = firstRow.putIfAbsent(line.householdNumber() + "/" + line.year(), line.row());
            String reason = households.containsKey(line.householdNumber())
                    ? first == null ? null : "年度：与第" + first + "行是同一户同一年度"
                    : "户编号：本辖区没有户编号为 " + line.householdNumber() + " 的户";
            if (reason != null) {
                refused.add(new RowRefusal(
                        line.row(), line.householdNumber(), reason.substring(0, reason.indexOf('：')), reason, false));
                refusedHouseholds.putIfAbsent(line.householdNumber(), line.row());
            }
            byHousehold
                    .computeIfAbsent(line.householdNumber(), k -> new ArrayList<>())
                    .add(line);
        }
        return collect(file, byHousehold, households, stored, refused, refusedHouseholds);
    }

    private static Result collect(
            RegistryFile file,
            Map<String, List<IncomeLine>> byHousehold,
            Map<String, Household> households,
            Map<Long, Map<Integer, IncomeAccount>> stored,
            List<RowRefusal> refused,
            Map<String, Long> refusedHouseholds) {
        List<IncomeBulk.IncomeWrite> writes = new ArrayList<>();
        List<Long> written = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<HouseholdChange> changes = new ArrayList<>();
        int[] tally = new int[5]; // new, changed, unchanged incomes; households changed, unchanged
        Set<Long> refusedRows = new java.util.HashSet<>();
        refused.forEach(r -> refusedRows.add(r.row()));
        for (Map.Entry<String, List<IncomeLine>> entry : byHousehold.entrySet()) {
            Long refusedRow = refusedHouseholds.get(entry.getKey());
            if (refusedRow != null) {
                for (IncomeLine line : entry.getValue()) {
                    if (!refusedRows.contains(line.row())) {
                        refused.add(new RowRefusal(
                                line.row(), line.householdNumber(), "", "同一户的第" + refusedRow + "行被拒绝，本户整户未导入", true));
                    }
                }
                continue;
            }
            Household household = households.get(entry.getKey());
            Map<Integer, IncomeAccount> years = stored.getOrDefault(household.id(), Map.of());
            boolean anyNew = false;
            boolean anyWritten = false;
            for (IncomeLine line : entry.getValue()) {
                IncomeAccount account = new IncomeAccount(
                        line.wage(), line.operating(), line.property(), line.transfer(), line.productionCost());
                IncomeAccount before = years.get(line.year());
                if (before != null && same(before, account)) {
                    tally[2]++;
                    continue;
                }
                tally[before == null ? 0 : 1]++;
                anyNew |= before == null;
                anyWritten = true;
                writes.add(new IncomeBulk.IncomeWrite(household.id(), line.year(), account));
                if (changes.size() < ImportPreview.LISTED) {
                    changes.add(new HouseholdChange(
                            household.householdNumber() + "（" + line.year() + "年度）",
                            before == null ? Change.NEW : Change.CHANGED,
                            diffs(before, account),
                            List.of()));
                }
            }
            if (anyWritten) {
                written.add(household.id());
                kinds.add(anyNew ? "NEW" : "CHANGED");
                tally[3]++;
            } else {
                tally[4]++;
            }
        }
        int withheld = (int) refused.stream().filter(RowRefusal::withheld).count();
        ImportPreview.Counts counts = new ImportPreview.Counts(
                file.rows(),
                0,
                tally[3],
                tally[4],
                refusedHouseholds.size(),
                0,
                0,
                0,
                tally[0],
                tally[1],
                tally[2],
                refused.size() - withheld,
                withheld);
        return new Result(writes, written, kinds, counts, changes, refused);
    }

    /** Stores the planned years; returns the households written, as {@link Result#households()}. */
    List<Long> store(RegionScope scope, Result plan) {
        incomes.store(scope, plan.writes());
        return plan.households();
    }

    private static boolean same(IncomeAccount a, IncomeAccount b) {
        return eq(a.wage(), b.wage())
                && eq(a.operating(), b.operating())
                && eq(a.property(), b.property())
                && eq(a.transfer(), b.transfer())
                && eq(a.productionCost(), b.productionCost());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static List<FieldChange> diffs(IncomeAccount before, IncomeAccount after) {
        List<FieldChange> fields = new ArrayList<>();
        diff(fields, "工资性收入", before == null ? null : before.wage(), after.wage());
        diff(fields, "生产经营性收入", before == null ? null : before.operating(), after.operating());
        diff(fields, "财产性收入", before == null ? null : before.property(), after.property());
        diff(fields, "转移性收入", before == null ? null : before.transfer(), after.transfer());
        diff(fields, "生产经营性支出", before == null ? null : before.productionCost(), after.productionCost());
        return fields;
    }

    private static void diff(List<FieldChange> fields, String column, BigDecimal before, BigDecimal after) {
        if (before == null || before.compareTo(after) != 0) {
            fields.add(new FieldChange(column, before == null ? "" : before.toPlainString(), after.toPlainString()));
        }
    }
}
