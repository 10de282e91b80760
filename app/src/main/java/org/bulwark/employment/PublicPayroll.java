package org.bulwark.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.exchange.DepartmentRecordFeed.ScreeningSelection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Who of a household is on a public payroll (财政供养人员), from the finance department's {@code public_payroll}
 * records read through the exchange's feed (the exchange owns the records): a record about a registered person dated
 * on or before the day counts — the category has no end date, so a record stays until the department replaces it.
 */
@Component
class PublicPayroll {

    static final String CATEGORY = "public_payroll";

    private final DepartmentRecordFeed feed;
    private final ObjectMapper json;

    PublicPayroll(DepartmentRecordFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    /** The members on a payroll of each of the households that have any, one entry per person (the latest record). */
    Map<Long, List<PayrollEntry>> of(Collection<Long> householdIds, LocalDate day) {
        Map<Long, Map<Long, PayrollEntry>> found = new HashMap<>();
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        // the households are already those of the reader's region: the selection is by household, not by region
        var selection =
                new ScreeningSelection(List.of(CATEGORY), day, "", List.copyOf(householdIds), List.of(), List.of());
        feed.forScreening(selection, r -> {
            if (r.householdId() == null || r.personId() == null) {
                return;
            }
            JsonNode fields = json.readTree(r.fields());
            found.computeIfAbsent(r.householdId(), h -> new HashMap<>())
                    .put(
                            r.personId(),
                            new PayrollEntry(
                                    r.personId(), text(fields, "name"), text(fields, "employer"), r.recordDate()));
        });
        Map<Long, List<PayrollEntry>> byHousehold = new HashMap<>();
        found.forEach((household, people) -> {
            List<PayrollEntry> entries = new ArrayList<>(people.values());
            entries.sort((a, b) -> Long.compare(a.personId(), b.personId()));
            byHousehold.put(household, entries);
        });
        return byHousehold;
    }

    private static String text(JsonNode fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? "" : node.asString();
    }
}
