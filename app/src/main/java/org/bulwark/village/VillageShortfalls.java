package org.bulwark.village;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.village.Indicator;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages of a region short of each yes/no indicator in a year, by name: whom a township or county has to reach
 * next. Limited to the user's region like every read.
 */
@Service
@Transactional(readOnly = true)
public class VillageShortfalls {

    /** More villages than any county has; a province's list is cut there. */
    static final int MAX_VILLAGES = 5_000;

    /** A village as lists name it: its township and its own name, with the code for the hover and the link. */
    public record Place(String code, String township, String village) {}

    /** One indicator and the villages that reported not having it. */
    public record Shortfall(Indicator indicator, List<Place> villages) {}

    /** A region's year: villages that reported, those that did not, and the shortfalls of each indicator. */
    public record Overview(
            Region region, int year, int reported, List<Place> notReported, List<Shortfall> shortfalls) {}

    private final JdbcClient jdbc;
    private final IndicatorCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Regions regions;

    VillageShortfalls(JdbcClient jdbc, IndicatorCatalogue catalogue, CurrentUser currentUser, Regions regions) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.regions = regions;
    }

    /** The years recorded anywhere in the user's region, newest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct year from village_condition where village_code like :s order by year desc")
                .param("s", currentUser.scope().likePattern())
                .query(Integer.class)
                .list();
    }

    /** The overview of a region (the user's own when null) in a year; a region outside the scope is not found. */
    public Overview of(RegionCode regionCode, int year) {
        RegionScope scope = currentUser.scope();
        Region region = regions.find(
                        regionCode == null
                                ? RegionCode.parse(currentUser.require().regionCode())
                                : regionCode)
                .filter(r -> scope.covers(r.code()))
                .orElseThrow(() -> new NotFoundException("region", regionCode));
        String pattern = region.regionCode().prefix() + "%";
        Map<String, List<String>> shortBy = new LinkedHashMap<>();
        catalogue.yesNo().forEach(i -> shortBy.put(i.code(), new ArrayList<>()));
        Set<String> reported = new TreeSet<>();
        jdbc.sql("""
                select village_code, indicator, value from village_condition
                where year = :y and village_code like :s and village_code like :r order by village_code
                """)
                .param("y", year)
                .param("s", scope.likePattern())
                .param("r", pattern)
                .query((rs, n) -> {
                    reported.add(rs.getString(1));
                    List<String> list = shortBy.get(rs.getString(2));
                    if (list != null && rs.getBigDecimal(3).signum() == 0) {
                        list.add(rs.getString(1));
                    }
                    return null;
                })
                .list();
        return overview(region, year, reported, shortBy);
    }

    private Overview overview(Region region, int year, Set<String> reported, Map<String, List<String>> shortBy) {
        List<String> missing = regions.villagesUnder(region.regionCode().prefix(), MAX_VILLAGES).stream()
                .map(Region::code)
                .filter(code -> !reported.contains(code))
                .toList();
        Set<String> named = new TreeSet<>(missing);
        shortBy.values().forEach(named::addAll);
        Map<String, Regions.VillageNames> names = regions.villageNames(named);
        List<Shortfall> shortfalls = new ArrayList<>();
        shortBy.forEach((code, villages) -> shortfalls.add(new Shortfall(
                catalogue.indicator(code).orElseThrow(),
                villages.stream().map(v -> place(v, names)).toList())));
        return new Overview(
                region,
                year,
                reported.size(),
                missing.stream().map(v -> place(v, names)).toList(),
                shortfalls);
    }

    private static Place place(String code, Map<String, Regions.VillageNames> names) {
        Regions.VillageNames n = names.get(code);
        return n == null
                ? new Place(code, "", code)
                : new Place(code, n.townshipName(), Regions.shortVillageName(n.villageName()));
    }
}
