package org.bulwark.core.screening;

import java.util.HashMap;
import java.util.Map;

/** The households of each village, for records that apply to a whole village. */
final class VillageHouseholds {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> households = new HashMap<>();

    VillageHouseholds(HouseholdTable table) {
        Map<String, Integer> counts = new HashMap<>();
        String[] villages = table.villageCodeColumn();
        for (String village : villages) {
            if (village != null) {
                counts.merge(village, 1, Integer::sum);
            }
        }
        Map<String, Integer> filled = new HashMap<>();
        counts.forEach((village, count) -> households.put(village, new int[count]));
        for (int h = 0; h < villages.length; h++) {
            if (villages[h] != null) {
                int next = filled.merge(villages[h], 1, Integer::sum) - 1;
                households.get(villages[h])[next] = h;
            }
        }
    }

    /** Indices of the village's households, ascending. */
    int[] of(String village) {
        return households.getOrDefault(village, NONE);
    }
}
