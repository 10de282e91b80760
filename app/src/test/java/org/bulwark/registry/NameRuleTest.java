package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.Declarations;
import org.bulwark.core.casework.RiskType;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.Batches;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One rule for a person's name wherever it enters (issue 11 #11): the registry API, declarations and department
 * imports all refuse a right-to-left override and a name that a spreadsheet would run as a formula.
 */
@DatabaseTest
class NameRuleTest {

    private static final String REVERSED = "张\u202E三";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Declarations declarations;

    @Autowired
    DepartmentDataImport imports;

    @Autowired
    Batches batches;

    @Test
    void theRegistryApiRefusesDirectionControlsAndFormulaStartsInNames() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        for (String name : new String[] {REVERSED, "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)"}) {
            String body = "{\"villageCode\":\"" + TestFixtures.VILLAGE_A + "\",\"category\":\"ORDINARY\","
                    + "\"members\":[{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"idNumber\":\""
                    + TestFixtures.newIdNumber() + "\",\"relation\":\"HEAD\"}]}";
            mvc.perform(post("/api/v1/households")
                            .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().is4xxClientError())
                    .andExpect(jsonPath("$.errors[0].field").value("members[0].name"));
        }
    }

    @Test
    void aDeclarationRefusesADirectionControlInTheDeclarantsName() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        InvalidInputException refused = Assertions.assertThrows(
                InvalidInputException.class,
                () -> fixtures.as(
                        county,
                        () -> declarations.record(
                                new DeclarationInput(
                                        REVERSED,
                                        "13800001234",
                                        null,
                                        TestFixtures.VILLAGE_A,
                                        Set.of(RiskType.ILLNESS),
                                        "看病"),
                                "HOTLINE")));
        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("declarantName");
            assertThat(p.code()).isEqualTo("bidi_controls");
        });
    }

    @Test
    void anImportRefusesTheSameNamesWithTheSameCode() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String id = TestFixtures.newIdNumber();
        Path file = Files.createTempFile("names", ".csv");
        Files.writeString(
                file,
                "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用," + "政策范围内个人自付\n" + id + "," + REVERSED
                        + ",2025-03-18,inpatient,20000,10000,9000,3000\n");
        Batch batch = fixtures.as(
                county,
                () -> imports.run(new ImportRequest("medical_settlement", file, "n.csv", FileFormat.CSV, false)));
        Files.delete(file);
        assertThat(batch.rowsRejected()).isEqualTo(1);
        assertThat(fixtures.as(county, () -> batches.rejected(batch.id(), 10))
                        .get(0)
                        .reasons())
                .contains("姓名：含有改变文字显示方向的控制字符 U+202E");
    }
}
