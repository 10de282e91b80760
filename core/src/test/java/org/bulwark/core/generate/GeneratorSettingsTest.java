package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.generate.TestSettings.AS_OF;
import static org.bulwark.core.generate.TestSettings.COUNTY;
import static org.bulwark.core.generate.TestSettings.LINE;
import static org.bulwark.core.generate.TestSettings.villages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void acceptsAValidCounty() {
        GeneratorSettings settings = new GeneratorSettings(COUNTY, villages(3), 100, 1L, AS_OF, LINE);

        assertThat(settings.villageCodes()).hasSize(3);
    }

    @Test
    void copiesTheVillageList() {
        List<String> villages = new ArrayList<>(villages(2));
        GeneratorSettings settings = new GeneratorSettings(COUNTY, villages, 10, 1L, AS_OF, LINE);
        villages.add(COUNTY + "999999");

        assertThat(settings.villageCodes()).hasSize(2);
    }

    @Test
    void rejectsCountyCodeThatIsNotSixDigitsOfAMainlandProvince() {
        assertThatThrownBy(() -> new GeneratorSettings("53230", villages(1), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSettings("012301", List.of("012301100001"), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsVillageOutsideTheCounty() {
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, List.of("532302100001"), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("532302100001");
    }

    @Test
    void rejectsVillageCodeOfWrongLength() {
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, List.of("53230110000"), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyOrRepeatedVillages() {
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, List.of(), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new GeneratorSettings(COUNTY, List.of("532301100001", "532301100001"), 1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsUpTo9999HouseholdsPerVillageButNotOneMore() {
        assertThat(new GeneratorSettings(COUNTY, villages(2), 19_998, 1L, AS_OF, LINE).households())
                .isEqualTo(19_998);
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, villages(2), 19_999, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("19998");
    }

    @Test
    void acceptsZeroButNotNegativeHouseholds() {
        assertThat(new GeneratorSettings(COUNTY, villages(1), 0, 1L, AS_OF, LINE).households())
                .isZero();
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, villages(1), -1, 1L, AS_OF, LINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asOfMustLeaveIncomeYearsFrom2010On() {
        assertThat(new GeneratorSettings(COUNTY, villages(1), 1, 1L, LocalDate.of(2013, 1, 1), LINE).asOf())
                .isEqualTo(LocalDate.of(2013, 1, 1));
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, villages(1), 1, 1L, LocalDate.of(2012, 12, 31), LINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monitoringLineMustBePositive() {
        assertThatThrownBy(() -> new GeneratorSettings(COUNTY, villages(1), 1, 1L, AS_OF, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
