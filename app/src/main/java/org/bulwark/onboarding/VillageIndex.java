package org.bulwark.onboarding;

import java.util.HashMap;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.RegionScope;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;

/**
 * The villages a file may name, by code or by township and village name within the importer's county, and the
 * Chinese reason when a row names one that is unknown or outside the importer's region.
 */
final class VillageIndex {

    private static final int MAX_VILLAGES = 100_000;

    private final Regions regions;
    private final RegionScope scope;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, Boolean> codes = new HashMap<>();

    VillageIndex(Regions regions, String countyCode, RegionScope scope) {
        this.regions = regions;
        this.scope = scope;
        Map<String, String> townships = new HashMap<>();
        regions.children(countyCode).forEach(t -> townships.put(t.code(), t.name()));
        for (Region village : regions.villagesUnder(RegionCode.parse(countyCode).prefix(), MAX_VILLAGES)) {
            // the official name (保家村村民委员会) and the one people write (保家村) both name it
            String township = townships.get(village.parentCode());
            byName.put(key(township, village.name()), village.code());
            byName.putIfAbsent(key(township, Regions.shortVillageName(village.name())), village.code());
            codes.put(village.code(), true);
        }
    }

    /** The village's code, or the reason (naming the column) why the row's village cannot be taken. */
    Resolved resolve(String code, String township, String village) {
        if (code != null) {
            if (!codes.containsKey(code)) {
                boolean exists = regions.find(code).map(Region::isVillage).orElse(false);
                return Resolved.refused("村代码", exists ? "村代码：" + code + " 不在本次导入的县内" : "村代码：没有代码为 " + code + " 的村");
            }
            return scope.covers(code) ? Resolved.of(code) : Resolved.refused("村代码", "村代码：" + code + " 不在你的辖区内");
        }
        if (township == null || village == null) {
            return Resolved.refused("村代码", "村代码：必填（或同时填写“乡镇”和“村名”）");
        }
        String found = byName.get(key(township, village));
        if (found == null) {
            return Resolved.refused("村名", "村名：本县没有“" + township + village + "”");
        }
        return scope.covers(found)
                ? Resolved.of(found)
                : Resolved.refused("村名", "村名：“" + township + village + "”不在你的辖区内");
    }

    private static String key(String township, String village) {
        return (township == null ? "" : township.strip()) + "/" + village.strip();
    }

    /** A village code, or the column and reason of a refusal. */
    record Resolved(String code, String column, String reason) {
        static Resolved of(String code) {
            return new Resolved(code, null, null);
        }

        static Resolved refused(String column, String reason) {
            return new Resolved(null, column, reason);
        }
    }
}
