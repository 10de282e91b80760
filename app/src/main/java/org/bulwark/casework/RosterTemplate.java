package org.bulwark.casework;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The roster's .xlsx template: the first sheet has the Chinese headers (one row per monitoring period), the second
 * says how to fill it and lists the words each column takes.
 */
public final class RosterTemplate {

    /** The first sheet's name, the rows'. */
    static final String SHEET = "监测对象名单";

    /** The second sheet's name, how to fill the first. */
    static final String NOTES = "填写说明";

    private RosterTemplate() {}

    /** Writes the template to {@code out}. */
    public static void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet data = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = data.createRow(0);
            List<String> headers = RosterColumns.template();
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, 14 * 256);
            }
            Sheet notes = workbook.createSheet(NOTES);
            int r = 0;
            for (String line : notes()) {
                notes.createRow(r++).createCell(0).setCellValue(line);
            }
            notes.setColumnWidth(0, 120 * 256);
            workbook.write(out);
        }
    }

    static List<String> notes() {
        return List.of(
                "每个监测期一行：风险消除后又重新纳入监测的农户填两行，第二行的识别日期即重新纳入的日期。",
                "户编号或户主身份证号至少填一项；两项都填时须是同一户。只能导入本辖区登记簿中的农户。",
                "监测类型可填：" + words(RosterWords.TYPES),
                "风险类型1–5：每格一项，或在一格中用“、”分隔，最多五项。可填：" + words(RosterWords.RISKS),
                "帮扶责任人：填账号的登录名或姓名；没有账号的帮扶责任人填姓名并填帮扶责任人电话。",
                "措施N类别可填：" + words(RosterWords.MEASURES) + "；每项措施须填类别、责任部门和开始日期。" + "列表中的措施视为已落实。需要更多措施时可加“措施4类别”等列。",
                "风险是否消除填“是”或“否”；为“是”时须填风险消除日期，且不早于识别日期。是否自然消除填“是”或“否”。",
                "返贫日期：风险消除后又返贫（消除被撤销）的日期，此后该监测期继续。",
                "日期写成 2024-03-15、2024/3/15 或 2024年3月15日。同一文件再次导入不会重复导入。");
    }

    private static String words(Map<String, ?> words) {
        return String.join("、", words.keySet());
    }
}
