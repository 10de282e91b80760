package org.bulwark.safetynet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.exchange.DepartmentRecordFeed.ScreeningRecord;
import org.bulwark.exchange.DepartmentRecordFeed.ScreeningSelection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The department records behind the three guarantees of a region's households, read through the exchange's feed: a
 * household's and its members' records, and its village's village-wide ones (a water check of the whole village
 * applies to each household there, as screening reads it).
 */
@Component
class GuaranteeRecords {

    static final List<String> CATEGORIES =
            List.of("school_status", "medical_enrolment", "housing_safety", "drinking_water");

    private final DepartmentRecordFeed feed;
    private final ObjectMapper json;

    GuaranteeRecords(DepartmentRecordFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    /** Up to how many households the records are looked up household by household. */
    static final int MOST_LOOKED_UP = 50_000;

    /** The records of these households (by id, with their village) in a region, up to {@code today}. */
    Map<Long, List<FactRecord>> of(String regionPrefix, LocalDate today, Map<Long, String> households) {
        Map<Long, List<FactRecord>> byHousehold = new HashMap<>();
        Map<String, List<FactRecord>> byVillage = new HashMap<>();
        // a county's or township's households by index: only theirs and their villages' village-wide records, not
        // those of the region's ordinary households; a province's many are read in one pass over the region instead
        ScreeningSelection selection = households.size() > MOST_LOOKED_UP
                ? new ScreeningSelection(CATEGORIES, today, regionPrefix, null, null, null)
                : new ScreeningSelection(
                        CATEGORIES,
                        today,
                        regionPrefix,
                        List.copyOf(households.keySet()),
                        List.of(),
                        new HashSet<>(households.values()));
        feed.forScreening(selection, r -> {
            if (r.householdId() != null) {
                if (households.containsKey(r.householdId())) {
                    byHousehold
                            .computeIfAbsent(r.householdId(), h -> new ArrayList<>())
                            .add(fact(r));
                }
            } else if (r.idNumber() == null && r.villageCode() != null) {
                byVillage
                        .computeIfAbsent(r.villageCode(), v -> new ArrayList<>())
                        .add(fact(r));
            }
        });
        households.forEach((id, village) -> {
            List<FactRecord> villageWide = byVillage.get(village);
            if (villageWide != null) {
                byHousehold.computeIfAbsent(id, h -> new ArrayList<>()).addAll(villageWide);
            }
        });
        return byHousehold;
    }

    private FactRecord fact(ScreeningRecord r) {
        Map<String, String> raw = new LinkedHashMap<>();
        JsonNode fields = json.readTree(r.fields());
        fields.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                raw.put(e.getKey(), e.getValue().asString());
            }
        });
        return new FactRecord(r.category(), r.personId(), r.recordDate(), raw);
    }
}
