package org.bulwark.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A county's registry file through preview and commit, in each format, with each conflict the import names. */
@DatabaseTest
class RegistryImportTest {

    static final String HEADER =
            "户编号,村代码,乡镇,村名,户类别,住址,联系电话,身份证号,姓名,与户主关系,性别,文化程度,在校情况,健康状况,残疾等级,劳动能力,务工状况,务工地点,务工时间（月）,参加基本医疗保险,参加基本养老保险";

    @Autowired
    org.bulwark.platform.DurableEvents events;

    @Autowired
    RegistryImports imports;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @TempDir
    Path dir;

    BulwarkUser county;
    Region village;
    Region otherVillage;
    String townshipName;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        List<Region> villages = regions.villagesUnder("522324102", 10);
        village = villages.get(ThreadLocalRandom.current().nextInt(villages.size()));
        otherVillage = villages.get((villages.indexOf(village) + 1) % villages.size());
        townshipName = regions.nameOf(village.parentCode());
    }

    private String number(Region in) {
        while (true) {
            String n = in.code() + (1000 + ThreadLocalRandom.current().nextInt(8999));
            Long taken = jdbc.sql("select count(*) from household where household_number = :n")
                    .param("n", n)
                    .query(Long.class)
                    .single();
            if (taken == 0) {
                return n;
            }
        }
    }

    private static String id(int yearsOld, Sex sex) {
        return TestFixtures.newIdNumber(LocalDate.of(2025 - yearsOld, 3, 1), sex);
    }

    private Path csv(String name, Charset charset, boolean bom, List<String> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write((HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(charset));
        }
        return file;
    }

    private ImportPreview preview(Path file) throws IOException {
        return fixtures.as(county, () -> {
            try {
                return imports.preview(file, file.getFileName().toString(), "522324", n -> {});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private ImportPreview commit(ImportPreview preview) {
        return fixtures.as(county, () -> imports.commit(preview.id()));
    }

    private HouseholdFile file(String number) {
        return fixtures.as(county, () -> registry.fileByNumber(number));
    }

    @Test
    void bomCsvWithChineseWordsPreviewsCommitsAndImportsTwiceWithoutChange() throws IOException {
        String h1 = number(village);
        String h2 = number(otherVillage);
        String head = id(50, Sex.MALE);
        String wife = id(48, Sex.FEMALE);
        String son = id(20, Sex.MALE);
        String head2 = id(70, Sex.FEMALE);
        List<String> rows = List.of(
                h1 + "," + village.code() + ",,,脱贫户,一组3号,13800001111," + head
                        + ",张大山,户主,男,小学,非在校年龄,健康,无,普通劳动力,省外务工,,10,是,是",
                h1 + "," + village.code() + ",,,脱贫户,一组3号,13800001111," + wife + ",李小花,妻子,女,初中,,残疾,二级残疾,弱劳动力,务农,,,是,否",
                h1 + "," + village.code() + ",,,脱贫户,一组3号,13800001111," + son + ",张小山,之子,,高中,高等教育在校,健康,,,,,,是,否",
                h2 + ",," + townshipName + "," + otherVillage.name() + ",一般农户,,," + head2
                        + ",王秀英,本人,女,文盲,,长期慢性病,无,丧失劳动力,不在劳动力范围,,,是,是");
        Path file = csv("户籍成员.csv", StandardCharsets.UTF_8, true, rows);

        ImportPreview preview = preview(file);
        assertThat(preview.refused()).isEmpty();
        assertThat(preview.counts().householdsNew()).isEqualTo(2);
        assertThat(preview.counts().personsNew()).isEqualTo(4);
        assertThat(preview.storable()).isTrue();
        assertThatThrownBy(() -> file(h1)).isInstanceOf(RuntimeException.class); // nothing stored by a preview

        ImportPreview done = commit(preview);
        assertThat(done.importId()).isNotNull();
        HouseholdFile stored = file(h1);
        assertThat(stored.household().villageCode()).isEqualTo(village.code());
        assertThat(stored.members()).hasSize(3);
        Person headPerson = person(stored, head);
        assertThat(headPerson.relation()).isEqualTo(Relation.HEAD);
        assertThat(headPerson.employmentPlace()).isEqualTo(EmploymentPlace.OUT_OF_PROVINCE);
        Person wifePerson = person(stored, wife);
        assertThat(wifePerson.relation()).isEqualTo(Relation.SPOUSE);
        assertThat(wifePerson.health()).isNull();
        assertThat(wifePerson.disability()).isEqualTo(Disability.GRADE_2);
        assertThat(wifePerson.labourCapacity()).isEqualTo(LabourCapacity.WEAK);
        assertThat(file(h2).household().villageCode()).isEqualTo(otherVillage.code());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'registry_import' and entity_id = :id")
                        .param("id", String.valueOf(done.importId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from registry_import_household where import_id = :id")
                        .param("id", done.importId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // the labour registry follows the import: the able head and the weak wife of the formerly-poor household
        assertThat(events.awaitCompletion(RegistryImported.class, e -> true, java.time.Duration.ofMinutes(1)))
                .isTrue();
        assertThat(jdbc.sql("select labour_capacity from labourer where household_id = :h order by labour_capacity")
                        .param("h", stored.household().id())
                        .query(String.class)
                        .list())
                .containsExactly("ABLE", "WEAK");

        int version = stored.household().version();
        ImportPreview again = preview(file);
        assertThat(again.counts().householdsUnchanged()).isEqualTo(2);
        assertThat(again.counts().personsUnchanged()).isEqualTo(4);
        assertThat(again.storable()).isFalse();
        commit(again);
        assertThat(file(h1).household().version()).isEqualTo(version);
        assertThat(person(file(h1), head).version()).isEqualTo(headPerson.version());
    }

    @Test
    void aCommitPlansAgainWhenTheRegistryChangedSinceItsPreview() throws IOException {
        String h = number(village);
        String head = id(45, Sex.FEMALE);
        Path file = csv(
                "same.csv",
                StandardCharsets.UTF_8,
                false,
                List.of(h + "," + village.code() + ",,,一般农户,三组,," + head + ",孙梅,户主,女,小学,,健康,无,普通劳动力,务农,,,是,是"));
        ImportPreview first = preview(file);
        ImportPreview second = preview(file);
        assertThat(second.counts().householdsNew()).isEqualTo(1);
        commit(first);

        // the second preview's plan inserts the household the first commit stored: kept, it would fail or duplicate
        ImportPreview done = commit(second);
        assertThat(done.counts().householdsNew()).isZero();
        assertThat(done.counts().householdsUnchanged()).isEqualTo(1);
        assertThat(done.counts().personsUnchanged()).isEqualTo(1);
        assertThat(file(h).members()).hasSize(1);
        assertThat(file(h).household().version()).isZero();
    }

    @Test
    void gbkCsvShowsChangesFieldByField() throws IOException {
        String h = number(village);
        String head = id(40, Sex.MALE);
        Path first = csv(
                "a.csv",
                Charset.forName("GBK"),
                false,
                List.of(h + "," + village.code() + ",,,一般农户,二组,," + head + ",赵四,户主,男,小学,,健康,无,普通劳动力,务农,,,是,是"));
        commit(preview(first));
        Path second = csv(
                "b.csv",
                Charset.forName("GBK"),
                false,
                List.of(h + "," + village.code() + ",,,监测户,二组,," + head + ",赵四,户主,男,初中,,患有大病,无,普通劳动力,务农,,,是,是"));
        ImportPreview preview = preview(second);
        assertThat(preview.counts().householdsChanged()).isEqualTo(1);
        assertThat(preview.counts().personsChanged()).isEqualTo(1);
        ImportPreview.HouseholdChange change = preview.changes().get(0);
        assertThat(change.fields()).containsExactly(new ImportPreview.FieldChange("户类别", "一般农户", "监测户"));
        assertThat(change.persons().get(0).fields())
                .containsExactly(
                        new ImportPreview.FieldChange("文化程度", "小学", "初中"),
                        new ImportPreview.FieldChange("健康状况", "健康", "患有大病"));
        assertThat(change.persons().get(0).maskedIdNumber()).doesNotContain(head);
        commit(preview);
        assertThat(file(h).household().category().name()).isEqualTo("MONITORED");
    }

    @Test
    void aProvinceAdministratorsPreviewWithholdsHealthAndDisabilityValues() throws IOException {
        String h = number(village);
        String head = id(44, Sex.FEMALE);
        commit(preview(csv(
                "before.csv",
                StandardCharsets.UTF_8,
                true,
                List.of(h + "," + village.code() + ",,,一般农户,三组,," + head + ",孙梅,户主,女,小学,,健康,无,普通劳动力,务农,,,是,是"))));
        Path changed = csv(
                "after.csv",
                StandardCharsets.UTF_8,
                true,
                List.of(h + "," + village.code() + ",,,一般农户,三组,," + head + ",孙梅,户主,女,初中,,残疾,三级残疾,弱劳动力,务农,,,是,是"));
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        assertThat(province.can(Role.Permission.READ_SENSITIVE_DATA)).isFalse();
        ImportPreview shown = fixtures.as(province, () -> {
            try {
                return imports.preview(changed, "after.csv", "522324", n -> {});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(shown.counts().personsChanged()).isEqualTo(1);
        // the change is listed, its values are not; the other columns keep theirs
        assertThat(shown.changes().get(0).persons().get(0).fields())
                .contains(
                        new ImportPreview.FieldChange("文化程度", "小学", "初中"),
                        new ImportPreview.FieldChange("健康状况", RegistryExports.WITHHELD, RegistryExports.WITHHELD),
                        new ImportPreview.FieldChange("残疾等级", RegistryExports.WITHHELD, RegistryExports.WITHHELD))
                .noneMatch(f -> String.valueOf(f.after()).contains("三级") || "健康".equals(f.before()));
        // the county approver, who may read them, sees the values
        assertThat(preview(changed).changes().get(0).persons().get(0).fields())
                .contains(new ImportPreview.FieldChange("残疾等级", "无", "三级"));
        // a health value the import cannot read is refused without quoting it
        Path unreadable = csv(
                "unreadable.csv",
                StandardCharsets.UTF_8,
                true,
                List.of(h + "," + village.code() + ",,,一般农户,三组,," + head + ",孙梅,户主,女,初中,,肺结核晚期,无,弱劳动力,务农,,,是,是"));
        ImportPreview refused = fixtures.as(province, () -> {
            try {
                return imports.preview(unreadable, "unreadable.csv", "522324", n -> {});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(refused.refused())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("健康状况").doesNotContain("肺结核"));
        assertThat(preview(unreadable).refused())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("肺结核晚期"));
    }

    @Test
    void theHouseholdFilesTrailNamesTheImportsThatMadeAndChangedIt() throws Exception {
        String h = number(village);
        String head = id(38, Sex.MALE);
        ImportPreview first = commit(preview(csv(
                "第一次.csv",
                StandardCharsets.UTF_8,
                true,
                List.of(h + "," + village.code() + ",,,一般农户,四组,," + head + ",钱进,户主,男,小学,,健康,无,普通劳动力,务农,,,是,是"))));
        ImportPreview second = commit(preview(csv(
                "第二次.csv",
                StandardCharsets.UTF_8,
                true,
                List.of(h + "," + village.code() + ",,,一般农户,五组,," + head + ",钱进,户主,男,小学,,健康,无,普通劳动力,务农,,,是,是"))));
        Path incomeFile = dir.resolve("收入.csv");
        Files.writeString(incomeFile, "户编号,年度,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出\n" + h + ",2025,9000,,,,\n");
        ImportPreview incomes = commit(preview(incomeFile));
        long id = file(h).household().id();
        assertThat(fixtures.as(county, () -> imports.ofHousehold(id)))
                .extracting(HouseholdImport::importId, HouseholdImport::change, HouseholdImport::fileName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(incomes.importId(), "NEW", "收入.csv"),
                        org.assertj.core.groups.Tuple.tuple(second.importId(), "CHANGED", "第二次.csv"),
                        org.assertj.core.groups.Tuple.tuple(first.importId(), "NEW", "第一次.csv"));
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/households/{id}", id)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("户籍导入第 " + incomes.importId() + " 号（家庭收入文件 收入.csv）新增此户收入")
                .contains("户籍导入第 " + second.importId() + " 号（户籍成员文件 第二次.csv）变更此户")
                .contains("户籍导入第 " + first.importId() + " 号（户籍成员文件 第一次.csv）新建此户");
    }

    @Test
    void conflictsRefuseTheirRowsAndWithholdTheRestOfTheHousehold() throws IOException {
        String foreign = foreignVillage();
        BulwarkUser elsewhereCadre = fixtures.user(Role.VILLAGE_CADRE, foreign);
        String elsewhere =
                fixtures.household(elsewhereCadre, foreign).head().orElseThrow().idNumber();
        String good = number(village);
        String twice = number(village);
        String other = number(village);
        String badId = number(village);
        String unknownVillage = number(village);
        String duplicated = id(30, Sex.MALE);
        List<String> rows = new ArrayList<>();
        rows.add(row(good, village.code(), id(60, Sex.MALE), "户主"));
        rows.add(row(twice, village.code(), duplicated, "户主"));
        rows.add(row(twice, village.code(), duplicated, "子女"));
        rows.add(row(other, village.code(), id(61, Sex.MALE), "户主"));
        rows.add(row(other, village.code(), elsewhere, "配偶"));
        rows.add(row(badId, village.code(), "522324198001010000", "户主"));
        rows.add(row(unknownVillage, "522324999999", id(62, Sex.MALE), "户主"));
        rows.add(row(number(village), foreign, id(63, Sex.MALE), "户主"));
        rows.add(row(number(village), village.code(), id(64, Sex.MALE), "儿子"));
        ImportPreview preview = preview(csv("c.csv", StandardCharsets.UTF_8, false, rows));

        assertThat(preview.counts().householdsNew()).isEqualTo(1);
        assertThat(reason(preview, 4)).isEqualTo("身份证号：与第3行是同一人，同一人在文件中只能出现一次");
        assertThat(reason(preview, 6)).isEqualTo("身份证号：已在其他地区登记");
        assertThat(preview.refused().stream()
                        .filter(r -> r.row() == 5)
                        .findFirst()
                        .orElseThrow()
                        .withheld())
                .isTrue();
        assertThat(reason(preview, 7)).startsWith("身份证号：");
        assertThat(reason(preview, 8)).isEqualTo("村代码：没有代码为 522324999999 的村");
        assertThat(reason(preview, 9)).isEqualTo("村代码：" + foreign + " 不在本次导入的县内");
        assertThat(reason(preview, 10)).contains("没有户主");
        assertThat(preview.refused()).allSatisfy(r -> assertThat(r.reason()).doesNotContain(elsewhere));

        commit(preview);
        assertThat(file(good).members()).hasSize(1);
        assertThatThrownBy(() -> file(twice)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> file(other)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTownshipImportsOnlyIntoItsVillagesAndACountyNotIntoAnother() throws IOException {
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        Path file = csv(
                "t.csv",
                StandardCharsets.UTF_8,
                false,
                List.of(row(number(village), village.code(), id(33, Sex.FEMALE), "户主")));
        ImportPreview preview = fixtures.as(township, () -> {
            try {
                return imports.preview(file, "t.csv", "522324", n -> {});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(preview.counts().householdsNew()).isZero();
        assertThat(preview.refused().get(0).reason()).isEqualTo("村代码：" + village.code() + " 不在你的辖区内");
        assertThatThrownBy(() -> fixtures.as(county, () -> {
                    try {
                        return imports.preview(file, "t.csv", foreignVillage().substring(0, 6), n -> {});
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void xlsxAndJsonFilesImportLikeCsv() throws IOException {
        String hx = number(village);
        String idx = id(45, Sex.FEMALE);
        Path xlsx = dir.resolve("户籍成员.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("户籍成员");
            String[] header = HEADER.split(",");
            String[] values = row(hx, village.code(), idx, "户主").split(",", -1);
            Row h = sheet.createRow(0);
            Row r = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                r.createCell(i).setCellValue(values[i]);
            }
            workbook.write(out);
        }
        assertThat(commit(preview(xlsx)).counts().personsNew()).isEqualTo(1);
        assertThat(file(hx).head().orElseThrow().idNumber()).isEqualTo(idx);

        String hj = number(village);
        String idj = id(46, Sex.MALE);
        Path json = dir.resolve("members.json");
        Files.writeString(
                json,
                "[{\"户编号\":\"" + hj + "\",\"村代码\":\"" + village.code()
                        + "\",\"户类别\":\"脱贫户\",\"身份证号\":\"" + idj + "\",\"姓名\":\"钱七\",\"与户主关系\":\"户主\","
                        + "\"文化程度\":\"大专\",\"参加基本医疗保险\":\"是\"}]");
        assertThat(commit(preview(json)).counts().personsNew()).isEqualTo(1);
        assertThat(file(hj).head().orElseThrow().education().name()).isEqualTo("COLLEGE");
    }

    @Test
    void unknownValueWordsAreRefusedNamingColumnRowAndAllowedWords() throws IOException {
        String h = number(village);
        String badPhone = number(village);
        String phoneLine = badPhone + "," + village.code() + ",,,一般农户,,12345," + id(31, Sex.MALE)
                + ",孙九,户主,男,小学,,健康,无,普通劳动力,务农,,,是,是";
        ImportPreview phone = preview(csv("ph.csv", StandardCharsets.UTF_8, false, List.of(phoneLine)));
        assertThat(phone.refused().get(0).reason()).startsWith("联系电话：“12345”不是手机号");
        String line = h + "," + village.code() + ",,,一般农户,,," + id(30, Sex.MALE) + ",孙八,户主,男,博士,,健康,无,普通劳动力,务农,,,是,是";
        ImportPreview preview = preview(csv("w.csv", StandardCharsets.UTF_8, false, List.of(line)));
        RowRefusal refusal = preview.refused().get(0);
        assertThat(refusal.row()).isEqualTo(2);
        assertThat(refusal.column()).isEqualTo("文化程度");
        assertThat(refusal.reason()).startsWith("文化程度：“博士”不是可填的值，应为：文盲或半文盲、小学");
    }

    @Test
    void incomesOfTheCountysHouseholdsImportOnceAndRefuseOthers() throws IOException {
        String h = number(village);
        commit(preview(csv(
                "m.csv", StandardCharsets.UTF_8, false, List.of(row(h, village.code(), id(39, Sex.MALE), "户主")))));
        Path incomes = dir.resolve("家庭收入.csv");
        Files.writeString(
                incomes,
                "户编号,年度,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出\n" + h + ",2024,20000,5000,0,1200,1000\n" + h
                        + ",2025,21000,,,,\n" + "5223011010019999,2025,1,1,1,1,1\n");
        ImportPreview preview = preview(incomes);
        assertThat(preview.kind()).isEqualTo(RegistryFileKind.INCOMES);
        assertThat(preview.counts().incomesNew()).isEqualTo(2);
        assertThat(preview.refused().get(0).reason()).isEqualTo("户编号：本辖区没有户编号为 5223011010019999 的户");
        commit(preview);
        assertThat(jdbc.sql("select net_income from household_income i join household h on h.id = i.household_id "
                                + "where h.household_number = :n and year = 2024")
                        .param("n", h)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("25200");
        ImportPreview again = preview(incomes);
        assertThat(again.counts().incomesUnchanged()).isEqualTo(2);
        assertThat(again.storable()).isFalse();
    }

    @Test
    void thePageAndTheApiPreviewThenCommitAndOfferTheTemplates() throws Exception {
        String h = number(village);
        byte[] bytes = Files.readAllBytes(csv(
                "p.csv", StandardCharsets.UTF_8, true, List.of(row(h, village.code(), id(35, Sex.MALE), "户主"))));
        var upload = new org.springframework.mock.web.MockMultipartFile("file", "户籍成员.csv", "text/csv", bytes);
        String job = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/registry-imports")
                                .file(upload)
                                .param("county", TestFixtures.COUNTY)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String page = RegistryImportPagesTest.finished(mvc, county, job.substring(job.lastIndexOf('/') + 1));
        assertThat(page).contains("导入预览（尚未存入）").contains("确认导入").contains(h);
        assertThatThrownBy(() -> file(h)).isInstanceOf(RuntimeException.class);

        String json = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/api/v1/registry-imports/preview")
                                .file(upload)
                                .param("county", "522324")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String previewId = json.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/registry-imports/{id}/commit", previewId)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        assertThat(file(h).members()).hasSize(1);

        byte[] xlsx = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/registry-imports/templates/members.xlsx")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户编号");
            assertThat(sheet.getDataValidations()).isNotEmpty();
        }
        String csvTemplate = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/registry-imports/templates/incomes.csv")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(county)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvTemplate).contains("户编号,年度,工资性收入");
    }

    /** A village of another county. */
    private String foreignVillage() {
        return jdbc.sql(
                        "select code from region where level = 'VILLAGE' and code not like '522324%' order by code limit 1")
                .query(String.class)
                .single();
    }

    private static String row(String household, String villageCode, String idNumber, String relation) {
        return household + "," + villageCode + ",,,一般农户,,," + idNumber + ",测试" + relation + "," + relation
                + ",,小学,,健康,无,普通劳动力,务农,,,是,是";
    }

    private static String reason(ImportPreview preview, long row) {
        return preview.refused().stream()
                .filter(r -> r.row() == row)
                .findFirst()
                .orElseThrow(() -> new AssertionError("row " + row + " not refused: " + preview.refused()))
                .reason();
    }

    private static Person person(HouseholdFile file, String idNumber) {
        return file.members().stream()
                .filter(p -> p.idNumber().equals(idNumber))
                .findFirst()
                .orElseThrow();
    }
}
