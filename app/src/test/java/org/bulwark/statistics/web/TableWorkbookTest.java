package org.bulwark.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.Measure;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A dashboard table in Excel keeps counts as whole numbers and rates as percentages that Excel can compute with. */
class TableWorkbookTest {

    @Test
    void aRateIsAFractionShownAsAPercentageAndACountAWholeNumber() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("t", Locale.CHINA, "参保覆盖");
        messages.addMessage("dashboard.region", Locale.CHINA, "区划");
        messages.addMessage("persons", Locale.CHINA, "人数");
        messages.addMessage("rate", Locale.CHINA, "参保率");
        Measure persons = Measure.count("persons", "persons");
        Measure rate = new Measure("rate", "rate", Measure.Format.PERCENT, false);
        FigureTable.Row village = new FigureTable.Row(
                "保家村",
                "522324101201",
                "522324101201",
                null,
                List.of(
                        new FigureTable.Cell(persons, new BigDecimal("1234"), 300, false, true),
                        new FigureTable.Cell(rate, new BigDecimal("97.5"), 300, false, false)));
        FigureTable table = new FigureTable(
                "coverage", "t", true, List.of(persons, rate), List.of(village), null, List.of(), false);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableWorkbook(messages, Locale.CHINA).writeTable(table, "沙子镇", 2026, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = book.getSheetAt(0).getRow(2);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234.0);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(0.975);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }
}
