package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;

/**
 * A test-side reading of the default rules that department data drives (screening/rules.yaml with its default
 * parameters), evaluated straight on generated rows: which households each rule would flag. It leaves out the income
 * rules (INC-01/02, no department data), ALC-01 (an income without an allowance record: routine incomes near the
 * standard trip it by design, as they trip INC-01) and MED-04, which the registry's own non-enrolment (3% of persons) trips.
 */
final class RuleProbe implements FeedSink {

    private static final double LINE = 8_700;
    /** ALC-02's default allowance standard (rules.yaml); Guizhou's 2026 standard is the same. */
    private static final double ALLOWANCE_STANDARD = 6_400;

    /** A row as the probe keeps it: its category and cells. */
    private record Row(String category, Map<String, String> cells) {
        LocalDate date(String field) {
            String text = cells.get(field);
            return text == null || text.isEmpty() ? null : LocalDate.parse(text);
        }

        double number(String field) {
            String text = cells.get(field);
            return text == null || text.isEmpty() ? 0 : Double.parseDouble(text);
        }

        String text(String field) {
            return cells.getOrDefault(field, "");
        }
    }

    private final LocalDate asOf;
    private final LocalDate windowStart;
    private final LocalDate schoolYearStart;
    private final Map<String, GeneratedHousehold> byNumber = new HashMap<>();
    private final Map<String, GeneratedHousehold> householdOf = new HashMap<>();
    private final Map<String, GeneratedPerson> personOf = new HashMap<>();
    private final Map<String, List<Row>> rowsByHousehold = new HashMap<>();
    private final Map<String, List<Row>> rowsByUnregistered = new TreeMap<>();

    RuleProbe(List<GeneratedHousehold> households, LocalDate asOf) {
        this.asOf = asOf;
        this.windowStart = asOf.minusMonths(12);
        LocalDate september = LocalDate.of(asOf.getYear(), 9, 1);
        this.schoolYearStart = september.isAfter(asOf) ? september.minusYears(1) : september;
        for (GeneratedHousehold household : households) {
            byNumber.put(household.householdNumber(), household);
            for (GeneratedPerson person : household.members()) {
                householdOf.put(person.idNumber(), household);
                personOf.put(person.idNumber(), person);
            }
        }
    }

    @Override
    public void record(String category, Map<String, String> cells) {
        Row row = new Row(category, Map.copyOf(cells));
        String id = cells.get("id_number");
        if (id != null && !id.isEmpty()) {
            GeneratedHousehold household = householdOf.get(id);
            if (household == null) {
                rowsByUnregistered.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            } else {
                rowsByHousehold
                        .computeIfAbsent(household.householdNumber(), k -> new ArrayList<>())
                        .add(row);
            }
            return;
        }
        rowsByHousehold
                .computeIfAbsent(cells.get("household_number"), k -> new ArrayList<>())
                .add(row);
    }

    /** The rules each household trips, by household number; households tripping none are left out. */
    Map<String, Set<String>> tripped() {
        Map<String, Set<String>> tripped = new TreeMap<>();
        rowsByHousehold.forEach((number, rows) -> {
            Set<String> rules = evaluate(byNumber.get(number), rows);
            if (!rules.isEmpty()) {
                tripped.put(number, rules);
            }
        });
        return tripped;
    }

    /** The rows about one registered household and its members, in the order they came. */
    List<Map<String, String>> rowsOf(String householdNumber) {
        return rowsByHousehold.getOrDefault(householdNumber, List.of()).stream()
                .map(Row::cells)
                .toList();
    }

    /** Rows about persons not in the registry, by identity number. */
    Map<String, List<Map<String, String>>> unregisteredRows() {
        Map<String, List<Map<String, String>>> rows = new TreeMap<>();
        rowsByUnregistered.forEach(
                (id, list) -> rows.put(id, list.stream().map(Row::cells).toList()));
        return rows;
    }

    /** Out-of-pocket costs of the last 12 months of each unregistered person (MED-01 runs on them too). */
    Map<String, Double> unregisteredOutOfPocket() {
        Map<String, Double> costs = new TreeMap<>();
        rowsByUnregistered.forEach((id, rows) -> costs.put(
                id,
                rows.stream()
                        .filter(r -> r.category.equals("medical_settlement") && inTwelveMonths(r.date("settle_date")))
                        .mapToDouble(r -> r.number("out_of_pocket"))
                        .sum()));
        return costs;
    }

    private Set<String> evaluate(GeneratedHousehold household, List<Row> rows) {
        Set<String> rules = new TreeSet<>();
        boolean assisted = household.category() != HouseholdCategory.ORDINARY;
        int members = household.members().size();
        double net = household
                .incomes()
                .get(household.incomes().size() - 1)
                .account()
                .netIncome()
                .doubleValue();
        double outOfPocket = sum(rows, "medical_settlement", "settle_date", "out_of_pocket");
        double inScope = sum(rows, "medical_settlement", "settle_date", "in_scope_out_of_pocket");
        check(rules, "MED-01", outOfPocket >= (assisted ? 5_000 : 20_000));
        check(rules, "MED-02", inScope > 0 && inScope > 0.5 * net);
        check(rules, "MED-03", count(rows, "serious_illness", "diagnosis_date") > 0);
        check(
                rules,
                "DIS-01",
                rows.stream()
                        .anyMatch(r -> r.category.equals("disability_certificate")
                                && inTwelveMonths(r.date("issue_date"))
                                && r.number("grade") <= 2));
        check(rules, "EDU-01", droppedOut(rows));
        check(
                rules,
                "EDU-02",
                rows.stream()
                                .filter(r ->
                                        r.category.equals("student_aid") && inSchoolYear(r.date("school_year_start")))
                                .mapToDouble(r -> r.number("non_compulsory_cost") - r.number("amount"))
                                .sum()
                        > 10_000);
        double disaster = sum(rows, "disaster_loss", "event_date", "loss_amount");
        check(rules, "DSR-01", disaster > 0 && (disaster >= 10_000 || disaster >= 0.5 * net));
        check(
                rules,
                "ACC-01",
                rows.stream()
                        .anyMatch(r -> r.category.equals("death_record")
                                && inTwelveMonths(r.date("death_date"))
                                && mainLabourer(personOf.get(r.text("id_number")))));
        check(rules, "EMP-01", allAbleUnemployed(household, rows));
        check(rules, "HOU-01", unsafeHousing(rows));
        check(rules, "WAT-01", water(rows));
        double agricultural = sum(rows, "agricultural_loss", "date", "loss_amount");
        check(rules, "IND-01", agricultural > 0 && agricultural >= 0.3 * net);
        check(
                rules,
                "CRD-01",
                rows.stream()
                        .filter(r -> r.category.equals("microcredit") && !after(r, "loan_date"))
                        .anyMatch(r -> r.number("overdue_days") > 90));
        check(
                rules,
                "AST-01",
                count(rows, "temporary_assistance", "date") > 0 && household.category() != HouseholdCategory.MONITORED);
        upward(rules, assisted, members, rows);
        check(rules, "ALC-02", allowanceRunning(rows) && net / members >= 2 * ALLOWANCE_STANDARD);
        return rules;
    }

    private void upward(Set<String> rules, boolean assisted, int members, List<Row> rows) {
        check(
                rules,
                "VER-01",
                assisted
                        && rows.stream()
                                .anyMatch(r -> r.category.equals("vehicle_registration")
                                        && r.number("value") > 100_000
                                        && !Set.of("farm_vehicle", "work_vehicle")
                                                .contains(r.text("vehicle_type"))));
        check(
                rules,
                "VER-02",
                assisted
                        && rows.stream()
                                .anyMatch(r -> r.category.equals("business_registration")
                                        && (r.text("entity_type").equals("company")
                                                || (r.text("entity_type").equals("individual_business")
                                                        && r.number("registered_capital") > 500_000))));
        check(
                rules,
                "VER-03",
                assisted
                        && rows.stream()
                                .anyMatch(r -> r.category.equals("real_estate")
                                        && r.text("kind").equals("commercial")));
        check(rules, "VER-04", assisted && rows.stream().anyMatch(r -> r.category.equals("public_payroll")));
        LocalDate lastYear = LocalDate.of(asOf.getYear() - 1, 1, 1);
        double taxable = rows.stream()
                .filter(r -> r.category.equals("taxable_income")
                        && r.date("year_start").getYear() == lastYear.getYear())
                .mapToDouble(r -> r.number("amount"))
                .sum();
        check(rules, "VER-05", assisted && taxable / members > 3 * LINE);
        check(
                rules,
                "VER-06",
                rows.stream().anyMatch(r -> r.category.equals("death_record") && !after(r, "death_date")));
    }

    /** An allowance spell that has begun and not ended by the as-of date (ALC-02 reads the latest per person). */
    private boolean allowanceRunning(List<Row> rows) {
        return rows.stream()
                .anyMatch(r -> r.category.equals("minimum_living_allowance")
                        && !after(r, "start_date")
                        && (r.date("end_date") == null || r.date("end_date").isAfter(asOf)));
    }

    private boolean droppedOut(List<Row> rows) {
        Map<String, Row> latest = new HashMap<>();
        for (Row row : rows) {
            if (row.category.equals("school_status") && inSchoolYear(row.date("school_year_start"))) {
                latest.merge(
                        row.text("id_number"),
                        row,
                        (a, b) -> b.date("school_year_start").isBefore(a.date("school_year_start")) ? a : b);
            }
        }
        return latest.values().stream().anyMatch(r -> {
            int age = FeedCalendar.age(personOf.get(r.text("id_number")).birthDate(), r.date("school_year_start"));
            return r.text("status").equals("dropped_out") && age >= 6 && age <= 15;
        });
    }

    private boolean allAbleUnemployed(GeneratedHousehold household, List<Row> rows) {
        long able = household.members().stream()
                .filter(p -> p.labourCapacity() == LabourCapacity.ABLE)
                .count();
        Map<String, Row> latest = new HashMap<>();
        for (Row row : rows) {
            if (row.category.equals("employment_status") && !after(row, "since_date")) {
                latest.merge(
                        row.text("id_number"),
                        row,
                        (a, b) -> b.date("since_date").isBefore(a.date("since_date")) ? a : b);
            }
        }
        long longUnemployed = latest.values().stream()
                .filter(r -> {
                    GeneratedPerson person = personOf.get(r.text("id_number"));
                    return person.labourCapacity() == LabourCapacity.ABLE
                            && r.text("status").equals("unemployed")
                            && monthsBefore(r.date("since_date")) >= 3;
                })
                .count();
        return able > 0 && longUnemployed >= able;
    }

    private boolean unsafeHousing(List<Row> rows) {
        Row latest = null;
        for (Row row : rows) {
            if (row.category.equals("housing_safety")
                    && !after(row, "appraisal_date")
                    && (latest == null || !row.date("appraisal_date").isBefore(latest.date("appraisal_date")))) {
                latest = row;
            }
        }
        if (latest == null) {
            return false;
        }
        LocalDate renovated = latest.date("renovated_date");
        boolean isRenovated = renovated != null && !renovated.isAfter(asOf);
        return Set.of("C", "D").contains(latest.text("grade")) && !isRenovated;
    }

    private boolean water(List<Row> rows) {
        Row latest = null;
        double days = 0;
        for (Row row : rows) {
            if (row.category.equals("drinking_water") && inTwelveMonths(row.date("date"))) {
                days += row.number("days_interrupted");
                if (latest == null || !row.date("date").isBefore(latest.date("date"))) {
                    latest = row;
                }
            }
        }
        return (latest != null && latest.text("status").equals("unsafe")) || days > 30;
    }

    private boolean mainLabourer(GeneratedPerson person) {
        int age = FeedCalendar.age(person.birthDate(), asOf);
        return person.labourCapacity() == LabourCapacity.ABLE && age >= 16 && age <= 64;
    }

    private double sum(List<Row> rows, String category, String dateField, String amountField) {
        return rows.stream()
                .filter(r -> r.category.equals(category) && inTwelveMonths(r.date(dateField)))
                .mapToDouble(r -> r.number(amountField))
                .sum();
    }

    private long count(List<Row> rows, String category, String dateField) {
        return rows.stream()
                .filter(r -> r.category.equals(category) && inTwelveMonths(r.date(dateField)))
                .count();
    }

    private boolean inTwelveMonths(LocalDate date) {
        return date.isAfter(windowStart) && !date.isAfter(asOf);
    }

    private boolean inSchoolYear(LocalDate date) {
        return !date.isBefore(schoolYearStart) && !date.isAfter(asOf);
    }

    private boolean after(Row row, String dateField) {
        return row.date(dateField).isAfter(asOf);
    }

    private int monthsBefore(LocalDate date) {
        return (asOf.getYear() * 12 + asOf.getMonthValue())
                - (date.getYear() * 12 + date.getMonthValue())
                - (asOf.getDayOfMonth() < date.getDayOfMonth() ? 1 : 0);
    }

    private static void check(Set<String> rules, String rule, boolean fires) {
        if (fires) {
            rules.add(rule);
        }
    }
}
