package org.bulwark.village;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.village.Indicator;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.core.village.IndicatorValues;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.platform.read.TemplateRows;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file of village conditions, one row per village and year, the indicators' Chinese names as columns (CSV in UTF-8
 * or GBK, or .xlsx). Every row is checked; one wrong row refuses the whole file, since a township corrects and sends
 * it again, and half a file stored would leave villages of one report with and without values.
 */
@Service
public class VillageConditionImport {

    /** Larger than any county's villages over a few years. */
    static final long MAX_BYTES = 20L << 20;

    /** What an import did: the villages' years stored, or every reason the file was refused (then nothing stored). */
    public record Outcome(int stored, List<String> refusals) {

        public boolean accepted() {
            return refusals.isEmpty();
        }
    }

    private final VillageConditions conditions;
    private final IndicatorCatalogue catalogue;
    private final Regions regions;
    private final Clock clock;

    VillageConditionImport(VillageConditions conditions, IndicatorCatalogue catalogue, Regions regions, Clock clock) {
        this.conditions = conditions;
        this.catalogue = catalogue;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Checks the file and stores it whole, or refuses it with each reason in Chinese naming the row and the column.
     *
     * @throws org.bulwark.platform.read.FileRejectedException when the file cannot be read or its header is wrong
     */
    @Transactional
    public Outcome run(Path file, String fileName) throws IOException {
        BulwarkUser user = conditions.requireWriter();
        List<String> refusals = new ArrayList<>();
        List<VillageConditions.Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        try (TemplateRows rows = TemplateRows.open(file, fileName, catalogue.template(), today, MAX_BYTES, null)) {
            while (rows.hasNext()) {
                TemplateRows.Row row = rows.next();
                List<String> reasons = new ArrayList<>();
                row.problems().forEach(p -> reasons.add(p.message()));
                Optional<VillageConditions.Entry> entry =
                        reasons.isEmpty() ? entry(row, rows, user, today, reasons) : Optional.empty();
                entry.ifPresent(e -> duplicate(e, row.number(), seen, reasons));
                reasons.forEach(r -> refusals.add("第" + row.number() + "行：" + r));
                if (reasons.isEmpty()) {
                    entries.add(entry.orElseThrow());
                }
            }
        }
        if (entries.isEmpty() && refusals.isEmpty()) {
            refusals.add("文件中没有数据行");
        }
        if (!refusals.isEmpty()) {
            return new Outcome(0, refusals);
        }
        conditions.write(entries, user);
        return new Outcome(entries.size(), List.of());
    }

    /** The row as an entry, or the reasons it cannot be one (the village, its name, the year, a value's scale). */
    private Optional<VillageConditions.Entry> entry(
            TemplateRows.Row row, TemplateRows rows, BulwarkUser user, LocalDate today, List<String> reasons) {
        var template = rows.template();
        String code = (String) row.values()[template.position(IndicatorCatalogue.VILLAGE_CODE)];
        String name = (String) row.values()[template.position(IndicatorCatalogue.VILLAGE_NAME)];
        int year = ((Long) row.values()[template.position(IndicatorCatalogue.YEAR)]).intValue();
        Optional<Region> village = conditions.findVillage(code, user.scope());
        if (village.isEmpty()) {
            reasons.add("村代码：" + code + " 不是本辖区的村");
        } else if (name != null && !sameName(village.get(), name)) {
            reasons.add("村名：" + name + " 与村代码 " + code + " 的村名“" + village.get().name() + "”不符");
        }
        if (year > today.getYear()) {
            reasons.add("年度：" + year + " 还没有到");
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            Object cell = row.values()[template.position(indicator.code())];
            BigDecimal number = cell instanceof Boolean yes ? IndicatorValues.of(yes) : (BigDecimal) cell;
            IndicatorValues.Parsed parsed = IndicatorValues.check(indicator, number);
            if (parsed.valid()) {
                values.put(indicator.code(), parsed.value());
            } else {
                reasons.add(IndicatorCatalogue.columnOf(indicator) + "："
                        + parsed.problem().chinese());
            }
        }
        return reasons.isEmpty() ? Optional.of(new VillageConditions.Entry(code, year, values)) : Optional.empty();
    }

    private static boolean sameName(Region village, String name) {
        return village.name().equals(name)
                || Regions.shortVillageName(village.name()).equals(name);
    }

    private static void duplicate(
            VillageConditions.Entry entry, long row, Map<String, Long> seen, List<String> reasons) {
        Long first = seen.putIfAbsent(entry.villageCode() + "/" + entry.year(), row);
        if (first != null) {
            reasons.add("村代码：" + entry.villageCode() + " 的" + entry.year() + "年度已在第" + first + "行填写");
        }
    }
}
