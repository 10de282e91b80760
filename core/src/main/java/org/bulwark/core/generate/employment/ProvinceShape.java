package org.bulwark.core.generate.employment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.bulwark.core.region.RegionCode;

/**
 * A synthetic region tree with Guizhou's shape: province 52, its nine prefectures with their real codes and about 88
 * counties (Qianxinan's with their real codes, 522324 Qinglong among them), 12–22 townships a county and 8–16
 * villages a township, about 18,000 villages in all. The benchmark needs the shape, not the names, and must run
 * without the national region list loaded.
 *
 * <p>Township 001 of each county is its seat (县城); county 01 of each prefecture is its city (the first county of
 * 5201 the provincial capital).
 */
public final class ProvinceShape {

    private static final String PROVINCE = "52";
    private static final String[] PREFECTURES = {"01", "02", "03", "04", "05", "06", "23", "26", "27"};
    private static final int[] COUNTIES = {10, 4, 14, 6, 8, 10, 8, 16, 12};
    private static final String[] QIANXINAN = {"01", "02", "23", "24", "25", "26", "27", "28"};

    /** A county: its seat township's villages, and all its villages. */
    record County(int prefecture, boolean city, List<RegionCode> seat, List<RegionCode> villages) {}

    private final List<County> counties = new ArrayList<>();
    private final List<RegionCode> villages = new ArrayList<>();

    private ProvinceShape() {}

    /** The tree drawn with {@code random}: the same tree for the same seed. */
    public static ProvinceShape draw(SplittableRandom random) {
        ProvinceShape shape = new ProvinceShape();
        for (int p = 0; p < PREFECTURES.length; p++) {
            for (int c = 0; c < COUNTIES[p]; c++) {
                String county = PROVINCE + PREFECTURES[p] + countyCode(p, c);
                shape.addCounty(p, c == 0, county, random);
            }
        }
        return shape;
    }

    private static String countyCode(int prefecture, int index) {
        return PREFECTURES[prefecture].equals("23") ? QIANXINAN[index] : String.format("%02d", index + 1);
    }

    private void addCounty(int prefecture, boolean city, String county, SplittableRandom random) {
        int townships = 12 + random.nextInt(11);
        List<RegionCode> all = new ArrayList<>();
        List<RegionCode> seat = new ArrayList<>();
        for (int t = 1; t <= townships; t++) {
            int count = 8 + random.nextInt(9);
            for (int v = 1; v <= count; v++) {
                RegionCode village = new RegionCode(county + String.format("%03d%03d", t, 200 + v));
                all.add(village);
                if (t == 1) {
                    seat.add(village);
                }
            }
        }
        counties.add(new County(prefecture, city, List.copyOf(seat), List.copyOf(all)));
        villages.addAll(all);
    }

    /**
     * The shape of real villages (e.g. those of a province as loaded from the region list): a county's seat is its
     * first township by code (in the national codes the seat's 街道 come first), a prefecture's city its first county
     * by code — the first prefecture's city is the capital.
     */
    public static ProvinceShape of(List<RegionCode> realVillages) {
        ProvinceShape shape = new ProvinceShape();
        Map<String, List<RegionCode>> byCounty = new TreeMap<>();
        for (RegionCode village : realVillages) {
            byCounty.computeIfAbsent(village.value().substring(0, 6), c -> new ArrayList<>())
                    .add(village);
        }
        List<String> prefectures = new ArrayList<>();
        for (List<RegionCode> villages : byCounty.values()) {
            villages.sort(Comparator.comparing(RegionCode::value));
            String prefecture = villages.get(0).value().substring(0, 4);
            boolean city = !prefectures.contains(prefecture);
            if (city) {
                prefectures.add(prefecture);
            }
            String seatTownship = villages.get(0).value().substring(0, 9);
            List<RegionCode> seat = villages.stream()
                    .filter(v -> v.value().startsWith(seatTownship))
                    .toList();
            shape.counties.add(new County(prefectures.indexOf(prefecture), city, seat, List.copyOf(villages)));
            shape.villages.addAll(villages);
        }
        if (shape.villages.isEmpty()) {
            throw new IllegalArgumentException("no villages to shape a province of");
        }
        return shape;
    }

    /** Every village, in code order. */
    public List<RegionCode> villages() {
        return villages;
    }

    List<County> counties() {
        return counties;
    }

    /** The city county of each prefecture, the provincial capital's first. */
    List<County> cities() {
        return counties.stream().filter(County::city).toList();
    }
}
