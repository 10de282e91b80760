package org.bulwark.screening;

import java.util.List;

/**
 * A warning's evidence as a county official reads it: each test of the rule's condition with the figure and the
 * threshold it was compared with, labelled and in their units; every figure; the parameters in force; and the
 * department records behind the figures as rows.
 *
 * @param summary one line: the test that matters most (the list's evidence column)
 */
public record WarningExplanation(
        List<Check> checks,
        List<Line> figures,
        List<Line> parameters,
        List<RecordRow> records,
        int recordsWithheld,
        String summary) {

    /** A label and its value written with its unit ("近12个月医疗自付费用", "25,300 元"). */
    public record Line(String name, String label, String value) {}

    /**
     * One test: {@code figure operator threshold}; a flag alone has no threshold. The details show the arithmetic
     * ("71,089 元 ÷ 4 人") or what chose the threshold, and are null when there is none.
     */
    public record Check(
            String figure,
            String figureValue,
            String figureDetail,
            String operator,
            String threshold,
            String thresholdValue,
            String thresholdDetail,
            boolean holds) {}

    /**
     * A department record behind a figure: when, whom (masked as the reader may see it), which department and
     * category, its main amount or value, and where it came from (the batch and row of the department's file).
     */
    public record RecordRow(
            long id,
            String figure,
            String date,
            String person,
            String department,
            String category,
            String mainValue,
            long batchId,
            int sourceRow,
            String fileName) {}
}
