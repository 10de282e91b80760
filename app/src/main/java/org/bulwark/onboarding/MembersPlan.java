package org.bulwark.onboarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.identity.Masking;
import org.bulwark.core.registry.RegistryTemplates;
import org.bulwark.core.registry.Relation;
import org.bulwark.onboarding.ImportPreview.Change;
import org.bulwark.onboarding.ImportPreview.FieldChange;
import org.bulwark.onboarding.ImportPreview.HouseholdChange;
import org.bulwark.onboarding.ImportPreview.PersonChange;
import org.bulwark.registry.Household;
import org.bulwark.registry.ImportedHousehold;
import org.bulwark.registry.ImportedPerson;
import org.bulwark.registry.Person;
import org.bulwark.registry.RegistryBulk;

/**
 * What a members file does to the registry: households and persons new, changed or unchanged, and the rows refused —
 * a household with any refused row is not stored at all, its other rows withheld. Pure computation on the file and
 * what the registry holds, so the preview and the commit (which plans again inside its transaction) agree.
 */
final class MembersPlan {

    private static final TableTemplate T = RegistryTemplates.MEMBERS;

    private final RegistryFile file;
    private final RegistryBulk.Holdings holdings;
    private final Map<Long, List<Person>> membersByHousehold = new HashMap<>();
    private final Map<Long, Household> householdsById = new HashMap<>();
    private final List<RowRefusal> refused = new ArrayList<>();
    /** Each refused household's first refused row. */
    private final Map<String, Long> refusedHouseholds = new LinkedHashMap<>();

    private final Set<Long> refusedRows = new java.util.HashSet<>();

    private MembersPlan(RegistryFile file, RegistryBulk.Holdings holdings) {
        this.file = file;
        this.holdings = holdings;
        holdings.households().values().forEach(h -> householdsById.put(h.id(), h));
        holdings.persons()
                .values()
                .forEach(p -> membersByHousehold
                        .computeIfAbsent(p.householdId(), k -> new ArrayList<>())
                        .add(p));
    }

    /** The plan's outcome: what to write, and the preview's parts. */
    record Result(
            List<ImportedHousehold> writes,
            ImportPreview.Counts counts,
            List<HouseholdChange> changes,
            List<RowRefusal> refused) {

        /** NEW or CHANGED for each household written, in the order of {@link #writes()}. */
        List<String> changeKinds() {
            return writes.stream().map(w -> w.id() == null ? "NEW" : "CHANGED").toList();
        }
    }

    static Result plan(RegistryFile file, RegistryBulk.Holdings holdings) {
        return new MembersPlan(file, holdings).run();
    }

    private Result run() {
        file.refused().forEach(this::refuse);
        Map<String, List<MemberLine>> households = new LinkedHashMap<>();
        Map<String, Long> firstRowOfPerson = new HashMap<>();
        for (MemberLine line : file.members()) {
            Long first = firstRowOfPerson.putIfAbsent(line.person().idNumber(), line.row());
            if (first != null) {
                refuse(line, "身份证号", "身份证号：与第" + first + "行是同一人，同一人在文件中只能出现一次");
            } else if (holdings.heldElsewhere().contains(line.person().idNumber())) {
                refuse(line, "身份证号", "身份证号：已在其他地区登记");
            } else if (holdings.numbersElsewhere().contains(line.householdNumber())) {
                refuse(line, "户编号", "户编号：已被其他地区的户使用");
            }
            households
                    .computeIfAbsent(line.householdNumber(), k -> new ArrayList<>())
                    .add(line);
        }
        households.values().forEach(this::checkHousehold);
        return collect(households);
    }

    private Result collect(Map<String, List<MemberLine>> households) {
        Tally tally = new Tally();
        List<ImportedHousehold> writes = new ArrayList<>();
        List<HouseholdChange> changes = new ArrayList<>();
        for (List<MemberLine> lines : households.values()) {
            String number = lines.get(0).householdNumber();
            if (refusedHouseholds.containsKey(number)) {
                withhold(lines, refusedHouseholds.get(number));
                continue;
            }
            ImportedHousehold write = household(lines, tally, changes);
            if (write != null) {
                writes.add(write);
            }
        }
        int withheld = (int) refused.stream().filter(RowRefusal::withheld).count();
        // rows refused for a household the file has no valid row of are counted too
        Set<String> refusedNumbers = new LinkedHashSet<>(refusedHouseholds.keySet());
        ImportPreview.Counts counts = new ImportPreview.Counts(
                file.rows(),
                tally.householdsNew,
                tally.householdsChanged,
                tally.householdsUnchanged,
                refusedNumbers.size(),
                tally.personsNew,
                tally.personsChanged,
                tally.personsUnchanged,
                0,
                0,
                0,
                refused.size() - withheld,
                withheld);
        return new Result(writes, counts, changes, refused);
    }

    /** The household's own fields agree on every row, and it ends with exactly one head. */
    private void checkHousehold(List<MemberLine> lines) {
        MemberLine first = lines.get(0);
        for (MemberLine line : lines.subList(1, lines.size())) {
            String column = differingColumn(first, line);
            if (column != null) {
                refuse(line, column, column + "：与同一户的第" + first.row() + "行不一致");
            }
        }
        Household existing = holdings.households().get(first.householdNumber());
        Set<String> inFile = new LinkedHashSet<>();
        lines.forEach(l -> inFile.add(l.person().idNumber()));
        List<Long> headRows = new ArrayList<>();
        lines.stream().filter(l -> l.person().relation() == Relation.HEAD).forEach(l -> headRows.add(l.row()));
        long keptHeads = existing == null
                ? 0
                : membersByHousehold.getOrDefault(existing.id(), List.of()).stream()
                        .filter(p -> p.relation() == Relation.HEAD && !inFile.contains(p.idNumber()))
                        .count();
        if (headRows.isEmpty() && keptHeads == 0) {
            refuse(first, "与户主关系", "与户主关系：户编号 " + first.householdNumber() + " 的成员中没有户主");
        } else if (headRows.size() + keptHeads > 1) {
            MemberLine second = lines.stream()
                    .filter(l -> l.person().relation() == Relation.HEAD)
                    .skip(keptHeads > 0 ? 0 : 1)
                    .findFirst()
                    .orElse(first);
            refuse(second, "与户主关系", "与户主关系：本户已有户主，一户只能有一位户主");
        }
    }

    private static String differingColumn(MemberLine a, MemberLine b) {
        if (!a.villageCode().equals(b.villageCode())) {
            return "村代码";
        }
        if (a.category() != b.category()) {
            return "户类别";
        }
        if (!Objects.equals(a.address(), b.address())) {
            return "住址";
        }
        return Objects.equals(a.phone(), b.phone()) ? null : "联系电话";
    }

    private ImportedHousehold household(List<MemberLine> lines, Tally tally, List<HouseholdChange> changes) {
        MemberLine first = lines.get(0);
        Household existing = holdings.households().get(first.householdNumber());
        List<FieldChange> fields = existing == null ? List.of() : householdDiffs(existing, first);
        List<ImportedPerson> persons = new ArrayList<>();
        // the changes are listed for the first households only: past them, no person's change is put in words
        List<PersonChange> personChanges = changes.size() < ImportPreview.LISTED ? new ArrayList<>() : null;
        for (MemberLine line : lines) {
            person(line, existing, persons, personChanges, tally);
        }
        if (existing != null && fields.isEmpty() && persons.isEmpty()) {
            tally.householdsUnchanged++;
            return null;
        }
        Change change = existing == null ? Change.NEW : Change.CHANGED;
        if (change == Change.NEW) {
            tally.householdsNew++;
        } else {
            tally.householdsChanged++;
        }
        if (changes.size() < ImportPreview.LISTED) {
            changes.add(new HouseholdChange(first.householdNumber(), change, fields, personChanges));
        }
        return new ImportedHousehold(
                existing == null ? null : existing.id(),
                first.householdNumber(),
                first.villageCode(),
                first.category(),
                first.address(),
                first.phone(),
                existing == null || !fields.isEmpty(),
                persons);
    }

    private void person(
            MemberLine line,
            Household household,
            List<ImportedPerson> persons,
            List<PersonChange> changes,
            Tally tally) {
        ImportedPerson p = line.person();
        Person existing = holdings.persons().get(p.idNumber());
        if (existing == null) {
            tally.personsNew++;
            persons.add(p);
            if (changes != null) {
                changes.add(
                        new PersonChange(Masking.maskIdentityNumber(p.idNumber()), p.name(), Change.NEW, List.of()));
            }
            return;
        }
        List<FieldChange> fields = PersonDiff.of(existing, p);
        if (household == null || existing.householdId() != household.id()) {
            Household from = householdsById.get(existing.householdId());
            fields.add(0, new FieldChange("户编号", from == null ? "" : from.householdNumber(), line.householdNumber()));
        }
        if (fields.isEmpty()) {
            tally.personsUnchanged++;
            return;
        }
        tally.personsChanged++;
        persons.add(p.withId(existing.id()));
        if (changes != null) {
            changes.add(new PersonChange(Masking.maskIdentityNumber(p.idNumber()), p.name(), Change.CHANGED, fields));
        }
    }

    private static List<FieldChange> householdDiffs(Household h, MemberLine line) {
        List<FieldChange> fields = new ArrayList<>();
        PersonDiff.compare(fields, "村代码", h.villageCode(), line.villageCode());
        PersonDiff.compare(
                fields, "户类别", T.field("category").choiceLabel(h.category().name()), word("category", line.category()));
        PersonDiff.compare(fields, "住址", h.address(), line.address());
        PersonDiff.compare(fields, "联系电话", h.phone(), line.phone());
        return fields;
    }

    static String word(String field, Enum<?> value) {
        return value == null ? "" : T.field(field).choiceLabel(value.name());
    }

    private void refuse(RowRefusal refusal) {
        refused.add(refusal);
        refusedRows.add(refusal.row());
        if (refusal.householdNumber() != null) {
            refusedHouseholds.putIfAbsent(refusal.householdNumber(), refusal.row());
        }
    }

    private void refuse(MemberLine line, String column, String reason) {
        refuse(new RowRefusal(line.row(), line.householdNumber(), column, reason, false));
    }

    private void withhold(List<MemberLine> lines, long refusedRow) {
        for (MemberLine line : lines) {
            if (!refusedRows.contains(line.row())) {
                refused.add(new RowRefusal(
                        line.row(), line.householdNumber(), "", "同一户的第" + refusedRow + "行被拒绝，本户整户未导入", true));
            }
        }
    }

    private static final class Tally {
        int householdsNew;
        int householdsChanged;
        int householdsUnchanged;
        int personsNew;
        int personsChanged;
        int personsUnchanged;
    }
}
