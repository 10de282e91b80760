package org.bulwark.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A file of village conditions is stored whole or not at all, with each reason naming its row and column. */
@DatabaseTest
class VillageConditionImportTest {

    static final String YES_ROW = "是,是,是,是,是,是,是,是,82.5,是,是";

    @Autowired
    VillageConditionImport imports;

    @Autowired
    VillageConditions conditions;

    @Autowired
    IndicatorCatalogue catalogue;

    @Autowired
    TestFixtures fixtures;

    @TempDir
    Path folder;

    BulwarkUser township;

    @BeforeEach
    void setUp() {
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
    }

    @Test
    void oneWrongRowRefusesTheWholeFileNamingRowAndColumn() {
        VillageConditionImport.Outcome outcome = run(
                "mixed.csv",
                TestFixtures.VILLAGE_A + ",保家村,2013," + YES_ROW,
                TestFixtures.VILLAGE_B + ",,2013,也许," + YES_ROW.substring(2),
                "522324102201,,2013," + YES_ROW,
                TestFixtures.VILLAGE_A + ",,2013," + YES_ROW.replace("82.5", "82.555"),
                TestFixtures.VILLAGE_A + ",,2013," + YES_ROW);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.stored()).isZero();
        assertThat(outcome.refusals())
                .anyMatch(r -> r.startsWith("第3行：通硬化路："))
                .anyMatch(r -> r.startsWith("第4行：村代码：522324102201 不是本辖区的村"))
                .anyMatch(r -> r.startsWith("第5行：卫生厕所普及率（%）：最多保留两位小数"))
                .anyMatch(r -> r.startsWith("第6行：村代码：522324101209 的2013年度已在第2行填写"));
        assertThat(fixtures.as(township, () -> conditions.of(TestFixtures.VILLAGE_A, 2013))
                        .recorded())
                .isFalse();
    }

    @Test
    void aCorrectFileIsStoredWhole() {
        VillageConditionImport.Outcome outcome = run(
                "good.csv",
                TestFixtures.VILLAGE_A + ",保家村,2012," + YES_ROW,
                TestFixtures.VILLAGE_B + ",,2012," + YES_ROW.replaceFirst("是", "否"));
        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.stored()).isEqualTo(2);
        VillageYear b = fixtures.as(township, () -> conditions.of(TestFixtures.VILLAGE_B, 2012));
        assertThat(b.values().get("paved_road")).isZero();
        assertThat(b.values().get("sanitary_toilets")).isEqualByComparingTo("82.5");
        assertThat(b.enteredBy()).isEqualTo(township.getUsername());
    }

    @Test
    void aVillageNameThatIsNotTheCodesIsRefused() {
        VillageConditionImport.Outcome outcome = run("name.csv", TestFixtures.VILLAGE_A + ",兴合村,2011," + YES_ROW);
        assertThat(outcome.refusals()).singleElement().asString().startsWith("第2行：村名：兴合村 与村代码");
    }

    private VillageConditionImport.Outcome run(String name, String... rows) {
        String header = String.join(
                ",",
                catalogue.template().fields().stream().map(FieldSpec::label).toList());
        Path file = folder.resolve(name);
        try {
            Files.writeString(file, header + "\n" + String.join("\n", List.of(rows)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures.as(township, () -> {
            try {
                return imports.run(file, name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
