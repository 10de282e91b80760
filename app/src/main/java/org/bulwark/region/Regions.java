package org.bulwark.region;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the region hierarchy. Regions are public facts, so reading them needs no scope. */
@Service
@Transactional(readOnly = true)
public class Regions {

    private static final RowMapper<Region> REGION = (rs, n) -> new Region(
            rs.getString("code"),
            rs.getString("name"),
            RegionLevel.valueOf(rs.getString("level")),
            rs.getString("parent_code"),
            rs.getBoolean("key_county"));

    private final JdbcClient jdbc;
    /**
     * Names by code, as pages show them in place of codes: every page names regions (the header, lists of warnings,
     * cases and declarations), and names change only by a region import (the command line, another process), so a name is read once an
     * hour at most.
     */
    private final Cache<String, String> names = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    /** A village's township and village names ("沙子镇 保家村"); other regions' own names. */
    private final Cache<String, String> places = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region with this code. */
    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select * from region where code = :c")
                .param("c", code.value())
                .query(REGION)
                .optional();
    }

    /**
     * The region with this 12-digit code; empty for anything else, a shorter code included. For codes the platform
     * stored; a request's code is parsed into a {@link RegionCode} by the web layer.
     */
    public Optional<Region> find(String code) {
        return RegionCode.tryParseFull(code).flatMap(this::find);
    }

    /** The regions directly below this one, by code. */
    public List<Region> children(RegionCode code) {
        return jdbc.sql("select * from region where parent_code = :c order by code")
                .param("c", code.value())
                .query(REGION)
                .list();
    }

    /** The regions directly below the one with this 12-digit code; empty for anything else. */
    public List<Region> children(String code) {
        return RegionCode.tryParseFull(code).map(this::children).orElse(List.of());
    }

    /** The top level: provinces. */
    public List<Region> provinces() {
        return jdbc.sql("select * from region where parent_code is null order by code")
                .query(REGION)
                .list();
    }

    /** The chain from the province down to this region (inclusive); empty if the code is unknown. */
    public List<Region> path(String code) {
        return RegionCode.tryParseFull(code).map(this::path).orElse(List.of());
    }

    /** The chain from the province down to this region (inclusive); empty if the code is unknown. */
    public List<Region> path(RegionCode code) {
        List<Region> path = new ArrayList<>();
        Optional<Region> current = find(code);
        while (current.isPresent()) {
            path.add(current.get());
            current = current.get().parentCode() == null
                    ? Optional.empty()
                    : find(current.get().parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    /** The villages whose codes start with the prefix, by code (at most {@code limit}). */
    public List<Region> villagesUnder(String prefix, int limit) {
        return jdbc.sql("select * from region where level = 'VILLAGE' and code like :p order by code limit :l")
                .param("p", prefix + "%")
                .param("l", limit)
                .query(REGION)
                .list();
    }

    /** How many regions {@link #choicesUnder} offers at most. */
    public static final int MOST_CHOICES = 2_000;

    /**
     * The region tree under a region as one list to choose from, each region indented under its parent: a county's
     * townships and villages. Two levels down at most, and no more than {@link #MOST_CHOICES} regions, so that a
     * province's user is offered its prefectures and counties rather than a list of thousands.
     */
    public List<RegionChoice> choicesUnder(String code) {
        List<RegionChoice> choices = new ArrayList<>();
        choices.add(new RegionChoice(code, nameOf(code)));
        for (Region child : children(code)) {
            choices.add(new RegionChoice(child.code(), "\u3000" + child.name()));
            for (Region grandchild : children(child.code())) {
                if (choices.size() >= MOST_CHOICES) {
                    return choices;
                }
                choices.add(new RegionChoice(grandchild.code(), "\u3000\u3000" + grandchild.name()));
            }
        }
        return choices;
    }

    /** Number of regions per level. */
    public Map<RegionLevel, Long> countByLevel() {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        jdbc.sql("select level, count(*) as n from region group by level")
                .query((rs, n) -> {
                    counts.put(RegionLevel.valueOf(rs.getString("level")), rs.getLong("n"));
                    return null;
                })
                .list();
        return counts;
    }

    /** A village's name and its township's, as lists of households show them. */
    public record VillageNames(String villageName, String townshipName) {}

    /** The names of these villages and of their townships, by village code; unknown codes are left out. */
    public Map<String, VillageNames> villageNames(Collection<String> villageCodes) {
        Map<String, VillageNames> names = new HashMap<>();
        if (villageCodes.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                select v.code, v.name as village_name, t.name as township_name
                from region v left join region t on t.code = v.parent_code
                where v.code = any(cast(:codes as varchar[]))
                """)
                .param("codes", villageCodes.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> names.put(
                        rs.getString("code"),
                        new VillageNames(rs.getString("village_name"), rs.getString("township_name"))))
                .list();
        return names;
    }

    /** Name of the region, or the code itself when unknown (cached). */
    public String nameOf(String code) {
        if (code == null) {
            return null;
        }
        return names.get(code, c -> find(c).map(Region::name).orElse(c));
    }

    /**
     * Where a region is, as a list names it in place of its code (cached): a village with its township
     * ("沙子镇 保家村", two villages of one county may share a name), any other region by its own name; the code
     * itself when unknown.
     */
    public String placeOf(String code) {
        if (code == null) {
            return null;
        }
        return places.get(
                code,
                c -> find(c).map(r -> r.isVillage() && r.parentCode() != null
                                ? nameOf(r.parentCode()) + " " + shortVillageName(r.name())
                                : r.name())
                        .orElse(c));
    }

    /**
     * A village's name as people say it: the registry's official names end in the committee's title
     * (保家村村民委员会, 沙子社区居民委员会), which lists do not need (保家村, 沙子社区).
     */
    public static String shortVillageName(String name) {
        for (String title : new String[] {"村民委员会", "居民委员会"}) {
            String stem = name.endsWith(title) ? name.substring(0, name.length() - title.length()) : "";
            if (!stem.isEmpty()) {
                boolean village = title.startsWith("村");
                String kept = village ? "村" : "社区";
                return stem.endsWith(kept) ? stem : stem + (village ? "村" : "居委会");
            }
        }
        return name;
    }
}
