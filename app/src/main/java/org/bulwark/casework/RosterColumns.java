package org.bulwark.casework;

import java.util.ArrayList;
import java.util.List;

/** The Chinese headers of the monitoring roster template, in the template's order. */
final class RosterColumns {

    static final String HOUSEHOLD_NUMBER = "户编号";
    static final String HEAD_ID = "户主身份证号";
    static final String TYPE = "监测类型";
    static final String IDENTIFIED_ON = "识别日期";
    /** One cell with several risk types separated by 、，; or spaces, in place of 风险类型1–5. */
    static final String RISKS = "风险类型";

    static final String HELPER = "帮扶责任人";
    static final String HELPER_PHONE = "帮扶责任人电话";
    static final String ELIMINATED = "风险是否消除";
    static final String ELIMINATED_ON = "风险消除日期";
    static final String NATURALLY = "是否自然消除";
    static final String REVERSED_ON = "返贫日期";
    /** How many measure column groups the template offers; a file may carry more (措施4…). */
    static final int TEMPLATE_MEASURES = 3;
    /** The most measure groups read from one row: far above any period's plan, so an export always reads back. */
    static final int MAX_MEASURES = 99;

    private RosterColumns() {}

    static String risk(int n) {
        return RISKS + n;
    }

    static String measure(int n, String part) {
        return "措施" + n + part;
    }

    static final String CATEGORY = "类别";
    static final String CONTENT = "内容";
    static final String DEPARTMENT = "责任部门";
    static final String STARTS_ON = "开始日期";
    static final String ENDS_ON = "结束日期";
    static final List<String> MEASURE_PARTS = List.of(CATEGORY, CONTENT, DEPARTMENT, STARTS_ON, ENDS_ON);

    /** The template's headers. */
    static List<String> template() {
        return withMeasures(TEMPLATE_MEASURES);
    }

    /** The template's headers with {@code measures} measure groups (at least the template's three). */
    static List<String> withMeasures(int measures) {
        List<String> headers = new ArrayList<>(List.of(HOUSEHOLD_NUMBER, HEAD_ID, TYPE, IDENTIFIED_ON));
        for (int i = 1; i <= 5; i++) {
            headers.add(risk(i));
        }
        headers.add(HELPER);
        headers.add(HELPER_PHONE);
        for (int m = 1; m <= Math.max(measures, TEMPLATE_MEASURES); m++) {
            for (String part : MEASURE_PARTS) {
                headers.add(measure(m, part));
            }
        }
        headers.addAll(List.of(ELIMINATED, ELIMINATED_ON, NATURALLY, REVERSED_ON));
        return headers;
    }
}
