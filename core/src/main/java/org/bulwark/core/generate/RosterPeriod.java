package org.bulwark.core.generate;

import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * One generated monitoring period of a household: one row of a county's 监测对象名单.
 *
 * @param eliminatedOn the day the risk was eliminated, or null while it is not
 * @param reversedOn   the day that elimination was withdrawn (返贫), or null; only on a household's last period
 */
public record RosterPeriod(
        String householdNumber,
        String headIdNumber,
        MonitoringType type,
        LocalDate identifiedOn,
        List<RiskType> risks,
        String helperName,
        String helperPhone,
        List<Measure> measures,
        LocalDate eliminatedOn,
        boolean naturally,
        LocalDate reversedOn) {

    public RosterPeriod {
        risks = List.copyOf(risks);
        measures = List.copyOf(measures);
    }

    /** A measure the county took in the period. */
    public record Measure(
            MeasureCategory category, String content, String department, LocalDate startsOn, LocalDate endsOn) {}

    /** Whether the household is still monitored at the end of this period: never eliminated, or eliminated and fallen back. */
    public boolean open() {
        return eliminatedOn == null || reversedOn != null;
    }
}
