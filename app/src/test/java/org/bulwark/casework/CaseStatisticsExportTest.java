package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The casework statistics leave the page as a Chinese workbook, and list the open steps in procedure order. */
@DatabaseTest
class CaseStatisticsExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Cases cases;

    @Test
    void stepsReadInTheOrderACasePassesThem() {
        Map<String, Long> byCount = new LinkedHashMap<>();
        byCount.put("COUNTY_APPROVAL", 9L);
        byCount.put("PUBLIC_NOTICE", 5L);
        byCount.put("HOME_VERIFICATION", 2L);
        assertThat(List.copyOf(CaseworkStatistics.inProcedureOrder(byCount).keySet()))
                .containsExactly("HOME_VERIFICATION", "PUBLIC_NOTICE", "COUNTY_APPROVAL");
    }

    @Test
    void theWorkbookHoldsThePageFiguresUnderChineseHeadings() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        null,
                        Set.of(RiskType.ILLNESS),
                        "visit")));
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);

        MockHttpServletResponse response = mvc.perform(
                        get("/casework/statistics/export").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(URLDecoder.decode(response.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("监测帮扶统计-");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet regions = book.getSheet("各地区");
            assertThat(regions.getRow(1).getCell(0).getStringCellValue()).isEqualTo("区划");
            assertThat(regions.getRow(1).getCell(1).getStringCellValue()).isEqualTo("识别纳入（户）");
            Sheet steps = book.getSheet("办理中案件（按环节）");
            assertThat(steps.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目");
            long openAtVerification = fixtures.as(
                    county,
                    () -> cases.list(TestFixtures.COUNTY, CaseStatus.OPEN, null, Step.HOME_VERIFICATION, false, 10_000)
                            .size());
            assertThat(steps.getRow(1).getCell(0).getStringCellValue()).isEqualTo("入户核实");
            assertThat((long) steps.getRow(1).getCell(1).getNumericCellValue()).isEqualTo((long) openAtVerification);
        }
    }
}
