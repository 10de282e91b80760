package org.bulwark.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API writes and reads a village's year; the Excel template, imported as it is, stores its sample row. */
@DatabaseTest
class VillageConditionApiTest {

    static final String BODY = """
            {"values": {"paved_road": true, "tap_water": "是", "electricity": 1, "broadband": true,
              "coverage_5g": false, "courier": true, "clinic": true, "elder_care": "否", "sanitary_toilets": 77.5,
              "waste_collection": true, "school_in_reach": true}}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VillageConditionImport imports;

    @TempDir
    Path folder;

    BulwarkUser township;
    BulwarkUser cadre;

    @BeforeEach
    void setUp() {
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
    }

    @Test
    void townshipWritesAndCadreReadsThroughTheApi() throws Exception {
        mvc.perform(put("/api/v1/villages/{c}/conditions/2019", TestFixtures.VILLAGE_B)
                        .with(httpBasic(township.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values.coverage_5g").value(false))
                .andExpect(jsonPath("$.values.sanitary_toilets").value(77.5));
        mvc.perform(get("/api/v1/villages/{c}/conditions/2019", TestFixtures.VILLAGE_B)
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values.elder_care").value(false))
                .andExpect(jsonPath("$.enteredBy").value(township.getUsername()));
        mvc.perform(put("/api/v1/villages/{c}/conditions/2019", TestFixtures.VILLAGE_B)
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isForbidden());
    }

    @Test
    void aWrongValueIsAProblemNamingTheIndicator() throws Exception {
        mvc.perform(put("/api/v1/villages/{c}/conditions/2019", TestFixtures.VILLAGE_A)
                        .with(httpBasic(township.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("77.5", "177.5")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("sanitary_toilets"));
    }

    @Test
    void theVillagesShortOfEachExportToExcelByName() throws Exception {
        mvc.perform(put("/api/v1/villages/{c}/conditions/2009", TestFixtures.VILLAGE_A)
                        .with(httpBasic(township.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isOk());
        byte[] export = mvc.perform(get("/villages/conditions/export.xlsx")
                        .param("region", "522324101")
                        .param("year", "2009")
                        .with(user(township)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            var row = workbook.getSheetAt(0).getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("5G网络覆盖");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("保家村");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(TestFixtures.VILLAGE_A);
        }
    }

    @Test
    void theExcelTemplateImportedAsItIsStoresItsSampleRow() throws Exception {
        byte[] template = mvc.perform(get("/villages/conditions/template.xlsx").with(user(township)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(3).getStringCellValue())
                    .isEqualTo("通硬化路");
        }
        Path file = folder.resolve("template.xlsx");
        Files.write(file, template);
        VillageConditionImport.Outcome outcome = fixtures.as(township, () -> {
            try {
                return imports.run(file, "template.xlsx");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.stored()).isEqualTo(1);
    }
}
