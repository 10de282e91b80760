package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.junit.jupiter.api.Test;

class IdentityNumberIssuerTest {

    private static final LocalDate BIRTH = LocalDate.of(1980, 1, 1);

    private final IdentityNumberIssuer issuer = new IdentityNumberIssuer("532301");
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void issuesAllFiveHundredNumbersOfADayAndSexWithoutRepeating() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            IdentityNumber number = issuer.issue(BIRTH, Sex.MALE, random);
            assertThat(number.sex()).isEqualTo(Sex.MALE);
            assertThat(number.birthDate()).isEqualTo(BIRTH);
            issued.add(number.value());
        }

        assertThat(issued).hasSize(500);
    }

    @Test
    void refusesTheFiveHundredAndFirstNumberOfADayAndSex() {
        for (int i = 0; i < 500; i++) {
            issuer.issue(BIRTH, Sex.FEMALE, random);
        }

        assertThatThrownBy(() -> issuer.issue(BIRTH, Sex.FEMALE, random)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullDayForOneSexLeavesTheOtherSexAndOtherDaysFree() {
        for (int i = 0; i < 500; i++) {
            issuer.issue(BIRTH, Sex.FEMALE, random);
        }

        assertThat(issuer.issue(BIRTH, Sex.MALE, random).sex()).isEqualTo(Sex.MALE);
        assertThat(issuer.issue(BIRTH.plusDays(1), Sex.FEMALE, random).birthDate())
                .isEqualTo(BIRTH.plusDays(1));
    }

    @Test
    void numbersCarryTheCountyCode() {
        assertThat(issuer.issue(BIRTH, Sex.MALE, random).regionPrefix()).isEqualTo("532301");
    }
}
