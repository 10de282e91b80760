package org.bulwark.casework;

import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * One row of a county's monitoring roster: one monitoring period of one household (a household that re-entered after
 * an elimination has a row per period). Values are typed; a value the reader could not read is null and its problem
 * travels beside the row ({@link RosterProblem}).
 *
 * @param row              the row's number in the file, as a spreadsheet shows it
 * @param householdNumber  户编号, or null when the head's identity number names the household
 * @param headIdNumber     户主身份证号, or null
 * @param risks            the risk types as given, in order (a repeated one counts twice, so more than five is seen)
 * @param helper           帮扶责任人: an account's login or name, or the name of a helper without an account
 * @param helperPhone      the phone of a helper without an account
 * @param eliminated       风险是否消除
 * @param naturally        whether the risk went away by itself (是否自然消除)
 * @param reversedOn       the day the elimination was reversed (返贫): the household is monitored again in this period
 */
public record RosterRow(
        long row,
        String householdNumber,
        String headIdNumber,
        MonitoringType type,
        LocalDate identifiedOn,
        List<RiskType> risks,
        String helper,
        String helperPhone,
        List<Measure> measures,
        boolean eliminated,
        LocalDate eliminatedOn,
        boolean naturally,
        LocalDate reversedOn) {

    public RosterRow {
        risks = risks == null ? List.of() : List.copyOf(risks);
        measures = measures == null ? List.of() : List.copyOf(measures);
        householdNumber = blankToNull(householdNumber);
        headIdNumber = blankToNull(headIdNumber);
        helper = blankToNull(helper);
        helperPhone = blankToNull(helperPhone);
    }

    /** A measure of the period's plan as the roster lists it; the county took it, so it is stored as delivered. */
    public record Measure(
            int index,
            MeasureCategory category,
            String content,
            String department,
            LocalDate startsOn,
            LocalDate endsOn) {}

    /** The day this period ends: its elimination, unless the elimination was reversed (then it is still open). */
    LocalDate endsOn() {
        return eliminated && reversedOn == null ? eliminatedOn : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
