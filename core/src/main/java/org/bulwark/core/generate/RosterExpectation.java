package org.bulwark.core.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * What the casework statistics (监测统计, all time up to today) should show once a generated roster is imported into a
 * county that had no monitoring before, worked out from the roster's periods alone, by the programme's definitions:
 *
 * <ul>
 *   <li>identified: every household of the roster (each has at least one identification, none in the future); persons
 *       are the household's members in the registry file;
 *   <li>under monitoring: the household's last period is open (never eliminated, or its elimination reversed);
 *   <li>risk eliminated: the last period's elimination stands;
 *   <li>re-entered: the household has more than one period;
 *   <li>by type and by risk: the type and the risks of the household's last period (a household counts once per
 *       type, and under each of its risks).
 * </ul>
 *
 * It uses none of the import's code, so that a test comparing it with the page checks the import too.
 */
public record RosterExpectation(
        Figures total, Map<MonitoringType, Figures> byType, Map<RiskType, Long> byRisk, long reenteredHouseholds) {

    /** Households and persons identified, under monitoring and with risk eliminated. */
    public record Figures(
            long identifiedHouseholds,
            long identifiedPersons,
            long monitoredHouseholds,
            long monitoredPersons,
            long eliminatedHouseholds,
            long eliminatedPersons) {

        Figures plus(boolean open, long persons) {
            return new Figures(
                    identifiedHouseholds + 1,
                    identifiedPersons + persons,
                    monitoredHouseholds + (open ? 1 : 0),
                    monitoredPersons + (open ? persons : 0),
                    eliminatedHouseholds + (open ? 0 : 1),
                    eliminatedPersons + (open ? 0 : persons));
        }
    }

    /** One household of the roster: its periods (oldest first) and its members in the registry file. */
    public record History(List<RosterPeriod> periods, int persons) {}

    private static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

    /** The expectation of a roster of these households. */
    public static RosterExpectation of(List<History> households) {
        Figures total = NONE;
        Map<MonitoringType, Figures> byType = new TreeMap<>();
        Map<RiskType, Long> byRisk = new TreeMap<>();
        long reentered = 0;
        for (History h : households) {
            RosterPeriod last = h.periods().get(h.periods().size() - 1);
            boolean open = last.open();
            total = total.plus(open, h.persons());
            byType.put(last.type(), byType.getOrDefault(last.type(), NONE).plus(open, h.persons()));
            for (RiskType risk : EnumSet.copyOf(last.risks())) {
                byRisk.merge(risk, 1L, Long::sum);
            }
            reentered += h.periods().size() > 1 ? 1 : 0;
        }
        return new RosterExpectation(total, byType, byRisk, reentered);
    }

    /** Identified households by type code, as the statistics list them. */
    public Map<String, Long> identifiedByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byType.forEach((type, f) -> counts.put(type.name(), f.identifiedHouseholds()));
        return counts;
    }

    /** Households by risk code. */
    public Map<String, Long> byRiskCode() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byRisk.forEach((risk, n) -> counts.put(risk.name(), n));
        return counts;
    }

    /** The expectation as lines of {@code key=value}, with a Chinese comment line before each group. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# 监测统计预期值（全部时间至今天）：识别、监测中、风险消除的户数和人数");
        figures(lines, "total", total);
        lines.add("reenteredHouseholds=" + reenteredHouseholds);
        lines.add("# 按监测类型（以每户最后一个监测期的类型计）");
        byType.forEach((type, f) -> figures(lines, "type." + type.name(), f));
        lines.add("# 按风险类型（以每户最后一个监测期的风险计，一户计入其每项风险）");
        byRisk.forEach((risk, n) -> lines.add("risk." + risk.name() + "=" + n));
        return lines;
    }

    private static void figures(List<String> lines, String prefix, Figures f) {
        lines.add(prefix + ".identifiedHouseholds=" + f.identifiedHouseholds());
        lines.add(prefix + ".identifiedPersons=" + f.identifiedPersons());
        lines.add(prefix + ".monitoredHouseholds=" + f.monitoredHouseholds());
        lines.add(prefix + ".monitoredPersons=" + f.monitoredPersons());
        lines.add(prefix + ".eliminatedHouseholds=" + f.eliminatedHouseholds());
        lines.add(prefix + ".eliminatedPersons=" + f.eliminatedPersons());
    }
}
