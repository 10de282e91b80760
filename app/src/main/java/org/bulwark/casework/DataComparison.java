package org.bulwark.casework;

import java.util.List;

/**
 * What the county's data comparison (数据比对) step sets side by side: for each declared risk, the department records
 * relevant to it with their totals and the differences from what the household declared; and the upward checks
 * (vehicles, businesses, real estate, public payroll) with any hit. Everything in the reader's language, names masked.
 *
 * @param risks  one section per declared risk, in the risk types' order
 * @param upward the four upward checks, in the catalogue's order
 * @param sensitiveWithheld the reader's role may not read health and disability records: their totals are not shown
 */
public record DataComparison(List<RiskSection> risks, List<UpwardCheck> upward, boolean sensitiveWithheld) {

    /** Whether any difference or upward hit wants the county's attention. */
    public boolean anyFinding() {
        return risks.stream().anyMatch(r -> !r.differences().isEmpty())
                || upward.stream().anyMatch(UpwardCheck::hit);
    }

    /**
     * A declared risk and what department data says about it.
     *
     * @param risk        the risk's name in the reader's language (因病)
     * @param figures     totals worked out from the records and, beside them, what was declared
     * @param differences sentences naming each difference above the threshold (申报自付 62,000 元，医保结算记录合计 380 元)
     */
    public record RiskSection(
            String riskCode, String risk, List<Figure> figures, List<String> differences, List<Row> records) {}

    /**
     * One upward check: the figure as the screening rules call it (家庭成员名下高价值车辆), its value in its unit and
     * whether it is a hit, with the records of the category behind it.
     */
    public record UpwardCheck(String code, String label, String value, boolean hit, List<Row> records) {}

    /** A figure with its label and its value written in its unit; {@code declared} marks what the household said. */
    public record Figure(String label, String value, boolean declared) {}

    /**
     * One department record as a row: date, the person (name masked), the department and category, the main value;
     * {@code hit} marks a record an upward check counts; {@code older} one before the 12 months the totals cover.
     */
    public record Row(
            String date,
            String person,
            String department,
            String category,
            String value,
            boolean hit,
            boolean older,
            long batchId,
            int sourceRow) {}
}
