package org.bulwark.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two identical uploads (issue 11 #10): whether one after the other or at the same moment, the second is answered
 * as a duplicate — on the page in Chinese, in the API as problem details — never as a bare conflict or an error.
 */
@DatabaseTest
class DuplicateUploadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    DepartmentDataImport imports;

    @Test
    void twoIdenticalUploadsAtOnceGiveOneBatchAndOneDuplicate() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        Path file = Files.createTempFile("same", ".csv");
        Files.writeString(file, settlements(3000));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Batch>> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                uploads.add(pool.submit(() -> {
                    start.await();
                    return fixtures.as(
                            county,
                            () -> imports.run(
                                    new ImportRequest("medical_settlement", file, "same.csv", FileFormat.CSV, false)));
                }));
            }
            start.countDown();
            List<BatchStatus> statuses = new ArrayList<>();
            for (Future<Batch> upload : uploads) {
                statuses.add(upload.get().status()); // a bare conflict would be thrown here
            }
            assertThat(statuses).containsExactlyInAnyOrder(BatchStatus.ACCEPTED, BatchStatus.DUPLICATE);
        } finally {
            pool.shutdown();
            Files.delete(file);
        }
    }

    @Test
    void aDuplicateIsProblemDetailsInTheApiAndChineseOnThePage() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        MockMultipartFile csv = new MockMultipartFile(
                "file", "dup.csv", "text/csv", settlements(2).getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/exchange/medical_settlement/files")
                        .file(csv)
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
        String body = mvc.perform(multipart("/api/v1/exchange/medical_settlement/files")
                        .file(csv)
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:bulwark:problem:duplicate-file"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("同一文件已作为第 ")))
                .andExpect(jsonPath("$.title").value("重复文件"))
                .andExpect(jsonPath("$.batch.status").value("DUPLICATE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long batch = Long.parseLong(body.replaceAll("(?s).*\"batch\":\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/exchange/batches/{id}", batch).with(user(county)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("同一文件已经导入过，或正在由另一次上传导入")))
                .andExpect(
                        content().string(Matchers.not(Matchers.containsString("the same file was imported before"))));
    }

    /** Settlement rows of residents not registered (kept: they are what the downward check looks for). */
    private static String settlements(int rows) {
        StringBuilder csv = new StringBuilder("身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）," + "个人自付费用,政策范围内个人自付\n");
        for (int i = 0; i < rows; i++) {
            csv.append(TestFixtures.newIdNumber())
                    .append(",未登记")
                    .append(",2025-03-18,inpatient,20000,10000,")
                    .append(100 + i)
                    .append(",3000\n");
        }
        return csv.toString();
    }
}
