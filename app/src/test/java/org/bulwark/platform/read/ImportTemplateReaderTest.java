package org.bulwark.platform.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.junit.jupiter.api.Test;

/** The import template of every shipped category, opened in POI and read back by the xlsx reader. */
class ImportTemplateReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 12, 31);

    private final DataCatalogue catalogue = DataCatalogue.defaults();

    @Test
    void theShippedCatalogueIsOnTheApplicationClasspath() {
        assertThat(catalogue.categories()).hasSize(24);
    }

    @Test
    void everyTemplateReadsBackWithItsLabelsAsHeaderAndASampleRowThatValidates() throws IOException {
        for (CategorySchema category : catalogue.categories()) {
            byte[] template = template(category);
            RowValidator validator = new RowValidator(category, TODAY);

            try (RowSource source = XlsxRowSource.open(new ByteArrayInputStream(template), template.length)) {
                assertThat(source.header())
                        .as(category.code())
                        .isEqualTo(
                                category.fields().stream().map(FieldSpec::label).toList());
                assertThat(validator.checkColumns(source.header()))
                        .as(category.code())
                        .isEmpty();
                List<RowSource.Row> rows = CsvReaderTest.drain(source);
                assertThat(rows).as(category.code()).hasSize(1);
                ValidatedRow sample =
                        validator.validate(rows.get(0).number(), rows.get(0).cells());
                assertThat(sample.problems()).as(category.code()).isEmpty();
                // the sample shows the Chinese word of a choice, and the code is what is stored
                category.fields().stream()
                        .filter(f -> !f.choices().isEmpty() && f.example() != null)
                        .forEach(f -> assertThat(sample.values().get(f.name()))
                                .as(category.code() + "." + f.name())
                                .isEqualTo(f.example()));
            }
        }
    }

    @Test
    void headersAreBoldAndKeyColumnsAreText() throws IOException {
        CategorySchema settlement = catalogue.category("medical_settlement").orElseThrow();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template(settlement)))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("医疗费用结算");
            for (Cell cell : sheet.getRow(0)) {
                assertThat(((XSSFCellStyle) cell.getCellStyle()).getFont().getBold())
                        .isTrue();
            }
            assertThat(sheet.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            Cell id = sheet.getRow(1).getCell(0);
            assertThat(id.getStringCellValue()).isEqualTo("522324197804120319");
            assertThat(id.getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString())
                    .isEqualTo("yyyy-mm-dd");
            assertThat(workbook.getSheet(ImportTemplate.NOTES_SHEET)).isNotNull();
        }
    }

    @Test
    void choiceColumnsOfferTheirChineseWordsInADropDownAndOnTheNotesSheet() throws IOException {
        CategorySchema settlement = catalogue.category("medical_settlement").orElseThrow();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template(settlement)))) {
            List<? extends DataValidation> validations = workbook.getSheetAt(0).getDataValidations();
            assertThat(validations).hasSize(1);
            assertThat(validations.get(0).getValidationConstraint().getExplicitListValues())
                    .containsExactly("住院", "门诊", "门诊特殊病");
            assertThat(validations.get(0).getRegions().getCellRangeAddress(0).getFirstColumn())
                    .isEqualTo(3);
            assertThat(validations.get(0).getErrorBoxText()).contains("住院、门诊、门诊特殊病");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("住院");
            XSSFSheet notes = workbook.getSheet(ImportTemplate.NOTES_SHEET);
            assertThat(notes.getRow(8).getCell(0).getStringCellValue()).isEqualTo("就诊类型");
            assertThat(notes.getRow(8).getCell(4).getStringCellValue())
                    .isEqualTo("住院、门诊、门诊特殊病（也可填代码：inpatient、outpatient、special_outpatient）");
            assertThat(notes.getRow(8).getCell(5).getStringCellValue()).isEqualTo("住院");
        }
    }

    @Test
    void everyChoiceFieldOfEveryCategoryHasAChineseWordForEachChoice() {
        for (CategorySchema category : catalogue.categories()) {
            category.fields().stream()
                    .filter(f -> !f.choices().isEmpty())
                    .forEach(field -> assertThat(field.choiceLabels().keySet())
                            .as(category.code() + "." + field.name())
                            .containsExactlyElementsOf(field.choices()));
        }
    }

    @Test
    void requiredColumnsOfACategoryWithSeveralKeysAreExplainedOnTheNotesSheet() throws IOException {
        CategorySchema water = catalogue.category("drinking_water").orElseThrow();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template(water)))) {
            XSSFSheet notes = workbook.getSheet(ImportTemplate.NOTES_SHEET);
            assertThat(notes.getRow(2).getCell(0).getStringCellValue()).contains("村级区划代码", "户编号");
            assertThat(notes.getRow(5).getCell(1).getStringCellValue()).isEqualTo("village_code");
        }
    }

    private static byte[] template(CategorySchema category) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(category, out);
        return out.toByteArray();
    }
}
