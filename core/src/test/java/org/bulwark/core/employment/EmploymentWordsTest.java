package org.bulwark.core.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bulwark.core.registry.EmploymentPlace;
import org.junit.jupiter.api.Test;

class EmploymentWordsTest {

    @Test
    void everyValueHasAWordThatReadsBack() {
        for (Class<? extends Enum<?>> type : List.of(
                WorkMode.class,
                EmployerKind.class,
                WorkKind.class,
                Skill.class,
                Reach.class,
                EmploymentPlace.class,
                WelfareDuty.class,
                WelfareFunding.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(read(type, EmploymentWords.word(value))).contains(value);
            }
        }
    }

    @Test
    void readsCodesInAnyCaseAndRefusesOtherWords() {
        assertThat(EmploymentWords.parse(Skill.class, " welder ")).contains(Skill.WELDER);
        assertThat(EmploymentWords.parse(Skill.class, "焊工")).contains(Skill.WELDER);
        assertThat(EmploymentWords.parse(Skill.class, "飞行员")).isEmpty();
        assertThat(EmploymentWords.parse(Skill.class, null)).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Optional<Enum<?>> read(Class type, String word) {
        return EmploymentWords.parse(type, word);
    }
}
