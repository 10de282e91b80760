package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.Person;
import org.bulwark.registry.PersonInput;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The labour registry holds exactly the 16- to 64-year-old able and weak labourers of formerly-poor and monitored
 * households, follows the registry's changes with a history row each, applies the department's employment records,
 * and shows and changes labourers only within the user's region.
 */
@DatabaseTest
class LabourRegistryTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    Registry registry;

    @Autowired
    Labourers labourers;

    @Autowired
    LabourRegistryRefresh refresh;

    @Autowired
    DepartmentDataImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    BulwarkUser cadreA;
    BulwarkUser cadreB;

    @BeforeEach
    void setUp() {
        cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
    }

    @Test
    void holdsTheAbleAndWeakAged16To64OfFormerlyPoorAndMonitoredHouseholds() {
        PersonInput head = households.member(40, false, "ABLE", "HEAD");
        PersonInput fifteen = households.member(16, true, "ABLE", "CHILD"); // a day before the 16th birthday
        PersonInput sixteen = households.member(16, false, "ABLE", "CHILD");
        PersonInput sixtyFour = households.member(65, true, "ABLE", "PARENT");
        PersonInput sixtyFive = households.member(65, false, "ABLE", "PARENT");
        PersonInput weak = households.adult("WEAK");
        PersonInput none = households.adult("NONE");
        HouseholdFile poor = households.household(
                cadreA,
                TestFixtures.VILLAGE_A,
                "FORMERLY_POOR",
                List.of(head, fifteen, sixteen, sixtyFour, sixtyFive, weak, none));
        HouseholdFile ordinary = households.household(
                cadreA, TestFixtures.VILLAGE_A, "ORDINARY", List.of(households.member(40, false, "ABLE", "HEAD")));
        HouseholdFile monitored = households.household(
                cadreA, TestFixtures.VILLAGE_A, "MONITORED", List.of(households.member(40, false, "WEAK", "HEAD")));

        assertThat(heldByName(poor))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        head.name(),
                        true,
                        fifteen.name(),
                        false,
                        sixteen.name(),
                        true,
                        sixtyFour.name(),
                        true,
                        sixtyFive.name(),
                        false,
                        weak.name(),
                        true,
                        none.name(),
                        false));
        assertThat(heldByName(ordinary))
                .containsOnly(Map.entry(ordinary.members().get(0).name(), false));
        assertThat(heldByName(monitored))
                .containsOnly(Map.entry(monitored.members().get(0).name(), true));
    }

    @Test
    void aSecondRefreshChangesNothingAndARegistryChangeIsFollowedWithHistory() {
        PersonInput childInput = households.adult("ABLE");
        HouseholdFile poor = households.household(
                cadreA,
                TestFixtures.VILLAGE_A,
                "FORMERLY_POOR",
                List.of(households.member(40, false, "ABLE", "HEAD"), childInput));
        LabourRegistryRefresh.Outcome again = refresh.region(RegionCode.parse(TestFixtures.VILLAGE_A), "test");
        assertThat(again).isEqualTo(new LabourRegistryRefresh.Outcome(0, 0, 0));

        Person child = named(poor, childInput.name());
        fixtures.as(cadreA, () -> registry.updateMember(child.id(), child.version(), with(childInput, "WEAK")));
        households.awaitFollowed();
        List<LabourerChange> history = fixtures.as(cadreA, () -> labourers.history(child.id()));
        assertThat(history)
                .extracting(LabourerChange::change)
                .containsExactly(LabourerChange.Kind.CHANGED, LabourerChange.Kind.ADDED);
        assertThat(history.get(0).state().labourCapacity().name()).isEqualTo("WEAK");

        fixtures.as(cadreA, () -> registry.updateMember(child.id(), child.version() + 1, with(childInput, "NONE")));
        households.awaitFollowed();
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> labourers.labourer(child.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select change from labourer_history where person_id = :p order by id")
                        .param("p", child.id())
                        .query(String.class)
                        .list())
                .containsExactly("ADDED", "CHANGED", "REMOVED");
    }

    @Test
    void aHouseholdThatBecomesOrdinaryLeavesAndARemovedHouseholdTakesItsHistoryWithIt() {
        HouseholdFile poor = households.household(
                cadreA, TestFixtures.VILLAGE_A, "MONITORED", List.of(households.member(40, false, "ABLE", "HEAD")));
        long id = poor.household().id();
        long person = poor.members().get(0).id();
        fixtures.as(
                cadreA,
                () -> registry.update(
                        id,
                        poor.household().version(),
                        new HouseholdInput(TestFixtures.VILLAGE_A, "ORDINARY", "第2组", null)));
        households.awaitFollowed();
        assertThat(held(person)).isFalse();
        assertThat(changes(person)).containsExactly("ADDED", "REMOVED");

        fixtures.as(cadreA, () -> {
            registry.remove(id);
            return null;
        });
        assertThat(changes(person)).isEmpty();
    }

    private List<String> changes(long person) {
        return jdbc.sql("select change from labourer_history where person_id = :p order by id")
                .param("p", person)
                .query(String.class)
                .list();
    }

    @Test
    void anEmploymentRegistrationPutsTheLabourerInWorkFromTheDepartmentRecord() throws Exception {
        PersonInput headInput = households.member(40, false, "ABLE", "HEAD");
        HouseholdFile poor = households.household(cadreA, TestFixtures.VILLAGE_A, "FORMERLY_POOR", List.of(headInput));
        Person head = poor.members().get(0);
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        upload(
                county,
                "身份证号,姓名,就业状态,登记日期,就业地点,月工资\n" + headInput.idNumber() + "," + headInput.name()
                        + ",就业,2026-03-01,省外,4800\n");
        fixtures.awaitRescreening();

        Labourer after =
                fixtures.as(cadreA, () -> labourers.labourer(head.id())).labourer();
        assertThat(after.inWork()).isTrue();
        assertThat(after.place()).isEqualTo(EmploymentPlace.OUT_OF_PROVINCE);
        assertThat(after.monthlyWage()).isEqualByComparingTo("4800");
        assertThat(after.sinceDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(after.source()).isEqualTo(LabourSource.DEPARTMENT_RECORD);
        assertThat(after.sourceRecordId()).isNotNull();
        assertThat(fixtures.as(cadreA, () -> labourers.history(head.id()))
                        .get(0)
                        .state()
                        .source())
                .isEqualTo(LabourSource.DEPARTMENT_RECORD);
    }

    @Test
    void aCadreOfAnotherVillageNeitherSeesNorChangesTheLabourer() {
        HouseholdFile poor = households.household(
                cadreA, TestFixtures.VILLAGE_A, "FORMERLY_POOR", List.of(households.member(40, false, "ABLE", "HEAD")));
        long person = poor.members().get(0).id();
        assertThatThrownBy(() -> fixtures.as(cadreB, () -> labourers.labourer(person)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(cadreB, () -> labourers.update(person, visit(true, "县内", "帮扶车间", 0))))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(cadreB, () -> labourers.search(new LabourerSearch(null, null, null, null, 0)))
                        .labourers())
                .noneMatch(l -> l.labourer().personId() == person);
        assertThat(fixtures.as(cadreA, () -> labourers.labourer(person))).isNotNull();
    }

    @Test
    void aVisitRecordsWorkWithHistoryAndWrongInputIsRefusedNamingEachField() {
        HouseholdFile poor = households.household(
                cadreA, TestFixtures.VILLAGE_A, "FORMERLY_POOR", List.of(households.member(40, false, "ABLE", "HEAD")));
        long person = poor.members().get(0).id();
        LabourerInput wrong = new LabourerInput(
                true,
                "火星",
                null,
                null,
                null,
                13,
                new BigDecimal("-1"),
                List.of("飞行员"),
                null,
                null,
                List.of(),
                null,
                "VISIT",
                0);
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> labourers.update(person, wrong)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .contains("place", "workMode", "monthsWorked", "monthlyWage", "skills"));
        assertThat(fixtures.as(cadreA, () -> labourers.history(person))).hasSize(1);

        Labourer after = fixtures.as(cadreA, () -> labourers.update(person, visit(true, "县内", "帮扶车间", 0)))
                .labourer();
        assertThat(after.inWork()).isTrue();
        assertThat(after.source()).isEqualTo(LabourSource.VISIT);
        assertThat(after.skills()).extracting(Enum::name).containsExactly("SEWING", "COOK");
        assertThat(fixtures.as(cadreA, () -> labourers.history(person))).hasSize(2);
    }

    @Test
    void theLabourerPageShowsStateAndHistoryAndTheFormNamesWrongFields() throws Exception {
        HouseholdFile poor = households.household(
                cadreA, TestFixtures.VILLAGE_A, "FORMERLY_POOR", List.of(households.member(40, false, "ABLE", "HEAD")));
        long person = poor.members().get(0).id();
        String page = mvc.perform(get("/employment/labourers/{id}", person).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(poor.members().get(0).name(), "变更记录", "纳入", "户籍信息");
        mvc.perform(get("/employment/labourers/{id}", person).with(user(cadreB)))
                .andExpect(status().isNotFound());
        String refused = mvc.perform(post("/employment/labourers/{id}", person)
                        .with(user(cadreA))
                        .with(csrf())
                        .param("inWork", "true")
                        .param("monthsWorked", "13")
                        .param("monthlyWage", "两千")
                        .param("source", "VISIT")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("不是有效的数字");
        mvc.perform(post("/employment/labourers/{id}", person)
                        .with(user(cadreA))
                        .with(csrf())
                        .param("inWork", "true")
                        .param("place", "IN_COUNTY")
                        .param("workMode", "WORKSHOP")
                        .param("skills", "SEWING")
                        .param("source", "VISIT")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        String list = mvc.perform(
                        get("/employment/labourers").param("inWork", "true").with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the labourer's own row, not the page: the work-mode filter above the list names 帮扶车间 too
        String name = poor.members().get(0).name();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "<tr>(?:(?!</tr>).)*>" + java.util.regex.Pattern.quote(name) + "<(?:(?!</tr>).)*</tr>",
                        java.util.regex.Pattern.DOTALL)
                .matcher(list);
        assertThat(row.find()).as("a row of " + name).isTrue();
        assertThat(row.group()).contains("帮扶车间");
    }

    private static LabourerInput visit(boolean inWork, String place, String mode, int version) {
        return new LabourerInput(
                inWork,
                place,
                mode,
                null,
                LocalDate.of(2026, 1, 5),
                6,
                new BigDecimal("2600"),
                List.of("缝纫、厨师"),
                "2025年缝纫培训",
                "本县",
                List.of("HANDICRAFT"),
                new BigDecimal("2500"),
                "VISIT",
                version);
    }

    private Map<String, Boolean> heldByName(HouseholdFile file) {
        return file.members().stream().collect(Collectors.toMap(Person::name, p -> held(p.id())));
    }

    private boolean held(long personId) {
        return jdbc.sql("select count(*) from labourer where person_id = :p")
                        .param("p", personId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static Person named(HouseholdFile file, String name) {
        return file.members().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void upload(BulwarkUser user, String csv) throws Exception {
        Path file = Files.createTempFile("employment-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            fixtures.as(
                    user,
                    () -> importer.run(new ImportRequest("employment_status", file, "e.csv", FileFormat.CSV, false)));
        } finally {
            Files.delete(file);
        }
    }

    private static PersonInput with(PersonInput p, String capacity) {
        return new PersonInput(
                p.name(),
                p.idNumber(),
                p.relation(),
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                capacity,
                "FARMING",
                null,
                0,
                "NOT_SCHOOL_AGE",
                true,
                true);
    }
}
