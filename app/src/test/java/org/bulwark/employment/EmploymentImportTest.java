package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.read.RejectedRowsFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An employer or posting file is stored whole or not at all; each refused row's reason is in Chinese and names the
 * column; the file of rows and reasons, corrected, is uploaded again as it is.
 */
@DatabaseTest
class EmploymentImportTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    BulwarkUser office;

    @BeforeEach
    void setUp() {
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
    }

    @Test
    void aFileWithOneWrongRowStoresNothingAndItsCorrectedRowsFileIsStoredWhole() throws Exception {
        String good = EmployersAndPostingsTest.creditCode();
        String csv = "类型,名称,统一社会信用代码,所在区域代码,联系人,联系电话\n"
                + "帮扶车间,保家村制衣车间," + good + "," + TestFixtures.VILLAGE_A + ",罗师傅,13800001234\n"
                + "工厂,兴合村合作社,," + TestFixtures.VILLAGE_B + ",杨社长,\n";
        long before = employers();
        EmploymentImport.Outcome refused = run(csv, "用工主体.csv");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.stored()).isZero();
        assertThat(employers()).isEqualTo(before);
        assertThat(refused.refused()).hasSize(2);
        assertThat(refused.refused().get(0).reason()).isEmpty();
        assertThat(refused.refused().get(1).rowNumber()).isEqualTo(3);
        assertThat(refused.refused().get(1).reason()).isEqualTo("类型：不是可选的值");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        RejectedRowsFile.writeCsv(refused.columns(), refused.refused(), file);
        String corrected = file.toString(StandardCharsets.UTF_8).replace("工厂", "合作社");
        EmploymentImport.Outcome stored = run(corrected, "退回的行.csv");
        assertThat(stored.accepted()).isTrue();
        assertThat(stored.stored()).isEqualTo(2);
        assertThat(employers()).isEqualTo(before + 2);
    }

    @Test
    void aPostingFileNamesItsEmployerByCreditCodeAndRefusesAWrongCellNamingItsColumn() throws Exception {
        String code = EmployersAndPostingsTest.creditCode();
        run("类型,名称,统一社会信用代码,所在区域代码,联系人,联系电话\n企业,晴隆县测试鞋厂," + code + "," + TestFixtures.VILLAGE_A + ",,\n", "e.csv");
        String header = "用工主体,岗位名称,工作地点区域代码,工种,技能要求,月工资,每周工时,招聘人数,开始招聘日期,截止日期,状态\n";
        EmploymentImport.Outcome refused =
                run(header + code + ",制鞋工," + TestFixtures.VILLAGE_A + ",制造加工,缝纫,三千,40,5,2026-11-01,,\n", "p.csv");
        assertThat(refused.refused().get(0).reason()).isEqualTo("月工资：不是有效的数字");
        EmploymentImport.Outcome stored = run(
                header + code + ",制鞋工," + TestFixtures.VILLAGE_A + ",制造加工,缝纫、机械操作,3000,40,5,2026-11-01,,招聘中\n",
                "p.csv");
        assertThat(stored.stored()).isEqualTo(1);
    }

    @Test
    void thePageAndTheApiShowTheRefusedRowsAndOfferTheirFile() throws Exception {
        byte[] csv = ("类型,名称,统一社会信用代码,所在区域代码,联系人,联系电话\n合作社,某合作社,,110101000000,,\n").getBytes(StandardCharsets.UTF_8);
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(multipart("/employment/imports/employers")
                        .file(new MockMultipartFile("file", "e.csv", "text/csv", csv))
                        .session(session)
                        .with(user(office))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("所在区域代码：不是本辖区内的区域");
        String file = mvc.perform(
                        get("/employment/imports/refused.csv").session(session).with(user(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains("原行号", "错误原因", "某合作社");
        mvc.perform(multipart("/api/v1/employment/imports/employers")
                        .file(new MockMultipartFile("file", "e.csv", "text/csv", csv))
                        .with(httpBasic(office.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theTemplatesDownloadAndTheirSampleRowsReadBack() throws Exception {
        for (String kind : List.of("employers", "postings")) {
            byte[] template = mvc.perform(
                            get("/employment/imports/{kind}.xlsx", kind).with(user(office)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            EmploymentImport.Outcome outcome = fixtures.as(office, () -> {
                try {
                    return kind.equals("postings")
                            ? imports.postings(new ByteArrayInputStream(template), "t.xlsx")
                            : imports.employers(new ByteArrayInputStream(template), "t.xlsx");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(outcome.rows()).as(kind).isEqualTo(1);
            // the sample row is well formed: refused, if at all, only for what this database lacks or already has
            // (the sample's employer, or its credit code taken by an earlier run)
            assertThat(outcome.refused())
                    .as(kind)
                    .allSatisfy(r -> assertThat(r.reason()).containsAnyOf("没有这个用工主体", "已有用工主体使用这个统一社会信用代码"));
        }
    }

    private EmploymentImport.Outcome run(String csv, String name) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return fixtures.as(office, () -> {
            try {
                return name.startsWith("p")
                        ? imports.postings(new ByteArrayInputStream(bytes), name)
                        : imports.employers(new ByteArrayInputStream(bytes), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private long employers() {
        return jdbc.sql("select count(*) from employer").query(Long.class).single();
    }
}
