package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.HouseholdSummary;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Finds each roster row's household in the importer's region and its helper, checks each household's rows, and says
 * what the file does to each household. A household that does not exist and one outside the region get the same
 * reason, so that the reason tells nothing about other regions.
 */
@Component
class RosterMatcher {

    static final String NOT_FOUND = "登记簿中没有此户，或此户不在您的辖区内";

    private final Registry registry;
    private final UserAccounts accounts;
    private final RosterStore store;
    private final RosterHistory history;

    RosterMatcher(Registry registry, UserAccounts accounts, RosterStore store, RosterHistory history) {
        this.registry = registry;
        this.accounts = accounts;
        this.store = store;
        this.history = history;
    }

    RosterPlan plan(RosterRead file, BulwarkUser user, LocalDate today) {
        Map<Long, List<RosterProblem>> readProblems =
                file.problems().stream().collect(Collectors.groupingBy(RosterProblem::row));
        Map<Long, List<RosterRow>> rowsOf = new LinkedHashMap<>();
        Map<Long, HouseholdSummary> households = new LinkedHashMap<>();
        Map<String, List<RosterRow>> unfound = new LinkedHashMap<>();
        List<RosterProblem> problems = new ArrayList<>(file.problems());
        for (RosterRow row : file.rows()) {
            List<RosterProblem> found = new ArrayList<>();
            Optional<HouseholdSummary> household = household(row, user, found);
            if (household.isPresent()) {
                households.putIfAbsent(household.get().id(), household.get());
                rowsOf.computeIfAbsent(household.get().id(), k -> new ArrayList<>())
                        .add(row);
            } else {
                String given = row.householdNumber() != null ? row.householdNumber() : row.headIdNumber();
                unfound.computeIfAbsent(given == null ? "#" + row.row() : given, k -> new ArrayList<>())
                        .add(row);
            }
            problems.addAll(found);
        }
        List<RosterPreview.HouseholdOutcome> outcomes = new ArrayList<>();
        List<RosterPlan.Planned> toWrite = new ArrayList<>();
        HelperFinder helpers = new HelperFinder(accounts, user);
        rowsOf.forEach((id, rows) -> {
            HouseholdSummary h = households.get(id);
            List<RosterProblem> checked = new ArrayList<>(missing(rows, readProblems));
            checked.addAll(RosterChecks.of(rows, h.category() == HouseholdCategory.FORMERLY_POOR, today));
            Map<Long, RosterHousehold.RosterHelper> helperOf = new LinkedHashMap<>();
            rows.forEach(r -> helpers.find(r, h.villageCode(), checked).ifPresent(x -> helperOf.put(r.row(), x)));
            problems.addAll(checked);
            List<RosterProblem> own = new ArrayList<>(checked);
            rows.forEach(r -> own.addAll(readProblems.getOrDefault(r.row(), List.of())));
            outcomes.add(decide(h, rows, own, helperOf, problems, toWrite));
        });
        unfound.forEach((given, rows) -> outcomes.add(new RosterPreview.HouseholdOutcome(
                null,
                given.startsWith("#") ? null : given,
                RosterPreview.Outcome.REFUSED,
                numbers(rows),
                given.startsWith("#") ? "未填户编号或户主身份证号" : NOT_FOUND)));
        return new RosterPlan(outcomes, problems, toWrite);
    }

    private RosterPreview.HouseholdOutcome decide(
            HouseholdSummary h,
            List<RosterRow> rows,
            List<RosterProblem> own,
            Map<Long, RosterHousehold.RosterHelper> helperOf,
            List<RosterProblem> problems,
            List<RosterPlan.Planned> toWrite) {
        List<Long> numbers = numbers(rows);
        if (!own.isEmpty()) {
            return outcome(h, RosterPreview.Outcome.REFUSED, numbers, "此户有 " + own.size() + " 处错误，整户未导入");
        }
        RosterHousehold household = new RosterHousehold(h.id(), h.householdNumber(), h.villageCode(), rows, helperOf);
        RosterStore.Existing existing = store.existing(h.id());
        if (household.fingerprint().equals(existing.fingerprint()) || saysWhatItHas(household, existing)) {
            // nothing to write, even while a case is under way
            return outcome(h, RosterPreview.Outcome.UNCHANGED, numbers, null);
        }
        String refusal = null;
        if (existing.openCase()) {
            refusal = "此户有正在办理的识别或风险消除案件，请办结后再导入";
        } else if (existing.platformHistory() > 0) {
            refusal = "此户已在本平台办理过纳入监测、风险消除、指定帮扶责任人或添加帮扶措施，名单不能改写其监测历史";
        }
        if (refusal != null) {
            long first = numbers.get(0);
            problems.add(new RosterProblem(first, null, refusal));
            return outcome(h, RosterPreview.Outcome.REFUSED, numbers, refusal);
        }
        RosterPreview.Outcome outcome =
                existing.fingerprint() == null ? RosterPreview.Outcome.NEW : RosterPreview.Outcome.CHANGED;
        toWrite.add(new RosterPlan.Planned(household, outcome));
        return outcome(
                h,
                outcome,
                numbers,
                outcome == RosterPreview.Outcome.CHANGED ? changedRows(household, existing.fingerprint()) : null);
    }

    /**
     * Whether the file's rows say what the household's history is now, periods made here included: an exported
     * roster read back. Such a household is unchanged: nothing is written, no period is made twice and no step of a
     * case is made up.
     */
    private boolean saysWhatItHas(RosterHousehold household, RosterStore.Existing existing) {
        if (!existing.monitored()) {
            return false;
        }
        RosterHousehold now = history.of(household.householdId());
        return now != null && now.fingerprint().equals(household.fingerprint());
    }

    /** Which rows say something the earlier roster did not. */
    private static String changedRows(RosterHousehold household, String before) {
        Set<String> old = Set.of(before.split("\n"));
        String[] now = household.fingerprint().split("\n");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            if (!old.contains(now[i])) {
                rows.add(String.valueOf(household.periods().get(i).row()));
            }
        }
        int removed = (int) Arrays.stream(before.split("\n"))
                .filter(line -> !Set.of(now).contains(line))
                .count();
        return "与上次导入相比"
                + (rows.isEmpty() ? "" : "，第 " + String.join("、", rows) + " 行有变化")
                + (removed > 0 && rows.isEmpty() ? "，少了 " + removed + " 个监测期" : "");
    }

    private static RosterPreview.HouseholdOutcome outcome(
            HouseholdSummary h, RosterPreview.Outcome outcome, List<Long> rows, String detail) {
        return new RosterPreview.HouseholdOutcome(h.id(), h.householdNumber(), outcome, rows, detail);
    }

    private static List<Long> numbers(List<RosterRow> rows) {
        return rows.stream().map(RosterRow::row).sorted().toList();
    }

    /** Required values the reader did not already report as unreadable. */
    private static List<RosterProblem> missing(List<RosterRow> rows, Map<Long, List<RosterProblem>> readProblems) {
        List<RosterProblem> missing = new ArrayList<>();
        for (RosterRow r : rows) {
            List<RosterProblem> read = readProblems.getOrDefault(r.row(), List.of());
            if (r.type() == null && read.stream().noneMatch(p -> RosterColumns.TYPE.equals(p.column()))) {
                missing.add(new RosterProblem(r.row(), RosterColumns.TYPE, "必填，此处为空"));
            }
            if (r.identifiedOn() == null
                    && read.stream().noneMatch(p -> RosterColumns.IDENTIFIED_ON.equals(p.column()))) {
                missing.add(new RosterProblem(r.row(), RosterColumns.IDENTIFIED_ON, "必填，此处为空"));
            }
            if (r.risks().isEmpty()
                    && read.stream()
                            .noneMatch(p -> p.column() != null && p.column().startsWith(RosterColumns.RISKS))) {
                missing.add(new RosterProblem(r.row(), RosterColumns.RISKS, "至少填一项风险类型"));
            }
        }
        return missing;
    }

    /** The row's household by 户编号 or the head's identity number, within the user's region. */
    private Optional<HouseholdSummary> household(RosterRow row, BulwarkUser user, List<RosterProblem> problems) {
        if (row.householdNumber() == null && row.headIdNumber() == null) {
            problems.add(new RosterProblem(row.row(), RosterColumns.HOUSEHOLD_NUMBER, "必填（或填户主身份证号）"));
            return Optional.empty();
        }
        Optional<HouseholdSummary> byNumber = row.householdNumber() == null
                ? Optional.empty()
                : search(row.householdNumber()).stream()
                        .filter(h -> h.householdNumber().equals(row.householdNumber()))
                        .findFirst();
        if (row.householdNumber() != null && byNumber.isEmpty()) {
            problems.add(new RosterProblem(row.row(), RosterColumns.HOUSEHOLD_NUMBER, NOT_FOUND));
            return Optional.empty();
        }
        if (row.headIdNumber() == null) {
            return byNumber;
        }
        String id = row.headIdNumber().toUpperCase(Locale.ROOT);
        Optional<HouseholdSummary> byHead =
                search(id).stream().filter(h -> id.equals(h.headIdNumber())).findFirst();
        if (byHead.isEmpty()) {
            problems.add(new RosterProblem(row.row(), RosterColumns.HEAD_ID, "登记簿中没有以此身份证号为户主的农户，或此户不在您的辖区内"));
            return Optional.empty();
        }
        if (byNumber.isPresent() && byNumber.get().id() != byHead.get().id()) {
            problems.add(
                    new RosterProblem(row.row(), RosterColumns.HEAD_ID, "不是户编号 " + row.householdNumber() + " 的户主"));
            return Optional.empty();
        }
        return byHead;
    }

    private List<HouseholdSummary> search(String text) {
        return registry.search(new HouseholdSearch(text, null, null, 0, 200)).items();
    }

    /** Helpers by login or name among the importer's region's helpers and cadres, read once per file. */
    private static final class HelperFinder {

        private final UserAccounts accounts;
        private final BulwarkUser user;
        private List<BulwarkUser> candidates;

        HelperFinder(UserAccounts accounts, BulwarkUser user) {
            this.accounts = accounts;
            this.user = user;
        }

        Optional<RosterHousehold.RosterHelper> find(RosterRow r, String village, List<RosterProblem> problems) {
            if (r.helper() == null) {
                return Optional.empty();
            }
            List<BulwarkUser> matching = candidates().stream()
                    .filter(u -> village.startsWith(u.scope().prefix()))
                    .filter(u ->
                            u.getUsername().equals(r.helper()) || r.helper().equals(u.displayName()))
                    .toList();
            Optional<BulwarkUser> byLogin = matching.stream()
                    .filter(u -> u.getUsername().equals(r.helper()))
                    .findFirst();
            if (byLogin.isPresent() || matching.size() == 1) {
                BulwarkUser helper = byLogin.orElse(matching.get(0));
                return Optional.of(new RosterHousehold.RosterHelper(helper.id(), helper.displayName(), null));
            }
            if (matching.size() > 1) {
                problems.add(new RosterProblem(r.row(), RosterColumns.HELPER, "有多个叫“" + r.helper() + "”的账号，请填登录名"));
            } else if (r.helperPhone() == null) {
                problems.add(new RosterProblem(
                        r.row(),
                        RosterColumns.HELPER,
                        "没有此登录名或姓名的帮扶责任人账号；没有账号的帮扶责任人请同时填写" + RosterColumns.HELPER_PHONE));
            } else if (!r.helperPhone().matches("[0-9][0-9 -]{5,18}[0-9]")) {
                problems.add(new RosterProblem(r.row(), RosterColumns.HELPER_PHONE, "“" + r.helperPhone() + "”不是电话号码"));
            } else {
                return Optional.of(new RosterHousehold.RosterHelper(
                        null, r.helper(), r.helperPhone().replaceAll("[ -]", "")));
            }
            return Optional.empty();
        }

        private List<BulwarkUser> candidates() {
            if (candidates == null) {
                candidates = accounts.list(user.scope()).stream()
                        .filter(u -> u.role() == Role.HELPER || u.role() == Role.VILLAGE_CADRE)
                        .toList();
            }
            return candidates;
        }
    }
}
