package org.bulwark.platform.read;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;

/** The explanation sheet of an import template: what each column takes, in Chinese, for the department's clerk. */
final class TemplateNotes {

    private static final List<String> HEADERS = List.of("列名", "字段代码", "类型", "是否必填", "可填写的值", "示例");
    private static final int[] WIDTHS = {30, 24, 30, 10, 50, 24};

    private TemplateNotes() {}

    static void write(Sheet sheet, TableTemplate table, String heading, CellStyle bold) {
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(heading);
        title.getCell(0).setCellStyle(bold);
        sheet.createRow(1)
                .createCell(0)
                .setCellValue(
                        "第一个工作表的第一行是列名，第二行是示例，可删除后填写；" + "红色列名为必填项。日期写作 yyyy-mm-dd，金额不加千位分隔符；选项列从下拉列表中选择（也可填代码）。");
        if (!table.oneOfFields().isEmpty()) {
            sheet.createRow(2)
                    .createCell(0)
                    .setCellValue("以下列至少填写一项："
                            + String.join(
                                    "、",
                                    table.oneOfFields().stream()
                                            .map(f -> table.field(f).label())
                                            .toList()));
        }
        Row header = sheet.createRow(4);
        for (int i = 0; i < HEADERS.size(); i++) {
            header.createCell(i).setCellValue(HEADERS.get(i));
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int rowIndex = 5;
        for (FieldSpec field : table.fields()) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(field.label());
            row.createCell(1).setCellValue(field.name());
            row.createCell(2).setCellValue(typeLabel(field));
            row.createCell(3).setCellValue(field.required() ? "是" : "否");
            row.createCell(4).setCellValue(allowed(field) + aliases(table, field));
            row.createCell(5)
                    .setCellValue(
                            field.example() == null
                                    ? ""
                                    : field.type() == FieldType.CHOICE
                                            ? field.choiceLabel(field.example())
                                            : field.example());
        }
    }

    /** The other words a county may write for a value, e.g. "也可填：本人（户主）". */
    private static String aliases(TableTemplate table, FieldSpec field) {
        var words = table.choiceAliases().get(field.name());
        if (words == null || words.isEmpty()) {
            return "";
        }
        return "（也可填："
                + String.join(
                        "、",
                        words.entrySet().stream()
                                .sorted(java.util.Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + "＝" + field.choiceLabel(e.getValue()))
                                .toList())
                + "）";
    }

    private static String typeLabel(FieldSpec field) {
        return switch (field.type()) {
            case TEXT ->
                switch (field.name()) {
                    case "id_number" -> "身份证号（18位）";
                    case "household_number" -> "户编号（16位数字）";
                    case "village_code" -> "村级区划代码（12位数字）";
                    default -> "文本（不超过200字）";
                };
            case INTEGER -> "整数";
            case DECIMAL -> "数值（小数点用“.”）";
            case DATE -> "日期（yyyy-mm-dd）";
            case BOOLEAN -> "是/否";
            case CHOICE -> "选项";
        };
    }

    private static String allowed(FieldSpec field) {
        return switch (field.type()) {
            case CHOICE -> String.join("、", field.choiceWords()) + codes(field);
            case BOOLEAN -> "是、否";
            case DATE -> field.futureAllowed() ? "可以是将来的日期" : "不晚于上传当天";
            case INTEGER, DECIMAL -> range(field);
            default -> "";
        };
    }

    /** The codes, which a program exporting the department's data may write instead of the words. */
    private static String codes(FieldSpec field) {
        return field.choiceWords().equals(field.choices()) ? "" : "（也可填代码：" + String.join("、", field.choices()) + "）";
    }

    private static String range(FieldSpec field) {
        if (field.min() != null && field.max() != null) {
            return field.min().toPlainString() + " 至 " + field.max().toPlainString();
        }
        if (field.min() != null) {
            return "不小于 " + field.min().toPlainString();
        }
        return field.max() == null ? "" : "不大于 " + field.max().toPlainString();
    }
}
