package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.bulwark.core.exchange.DataCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A measure's responsible department is one the platform knows (issue 14 item 25): the local governments and the
 * exchange's departments, typed as the Chinese name, with the county before it, as the code or in English, and kept
 * by the Chinese name; anything else is not a department.
 */
class PlanDepartmentsTest {

    private final PlanDepartments departments = new PlanDepartments(DataCatalogue.defaults(), messages());

    @Test
    void offersTheLocalGovernmentsFirstThenTheExchangesDepartments() {
        assertThat(departments.names()).startsWith("乡镇人民政府", "村民委员会", "乡村振兴局");
        assertThat(departments.names())
                .contains("医疗保障局", "民政局", "教育局", "人力资源和社会保障局", "自然资源局（不动产登记中心）")
                .doesNotHaveDuplicates();
    }

    @Test
    void takesTheNameAsTypedAndKeepsTheChineseName() {
        assertThat(departments.resolve(" 民政局 ")).contains("民政局");
        assertThat(departments.resolve("县医疗保障局")).contains("医疗保障局");
        assertThat(departments.resolve("medical_security")).contains("医疗保障局");
        assertThat(departments.resolve("Civil Affairs Bureau")).contains("民政局");
        assertThat(departments.resolve("村民委员会")).contains("村民委员会");
    }

    /** Issue 14 item 26: an English page offers and shows English names, and what it sends back is kept in Chinese. */
    @Test
    void offersEnglishNamesToEnglishReadersAndKeepsTheChineseOnes() {
        assertThat(departments.names(Locale.ENGLISH))
                .startsWith("Township government", "Village committee", "Rural revitalisation bureau")
                .contains("Medical Security Bureau", "Civil Affairs Bureau")
                .hasSameSizeAs(departments.names())
                .noneMatch(name -> name.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        assertThat(departments.names(Locale.CHINA)).isEqualTo(departments.names());
        for (String offered : departments.names(Locale.ENGLISH)) {
            assertThat(departments.resolve(offered)).isPresent();
        }
        assertThat(departments.resolve("Medical Security Bureau")).contains("医疗保障局");
        assertThat(departments.resolve("Village committee")).contains("村民委员会");
        assertThat(departments.displayName("医疗保障局", Locale.ENGLISH)).isEqualTo("Medical Security Bureau");
        assertThat(departments.displayName("医疗保障局", Locale.CHINA)).isEqualTo("医疗保障局");
        assertThat(departments.displayName("某某办", Locale.ENGLISH)).isEqualTo("某某办");
    }

    @Test
    void refusesWhatThePlatformDoesNotKnow() {
        assertThat(departments.resolve("县扶贫工作站")).isEmpty();
        assertThat(departments.resolve("县")).isEmpty();
        assertThat(departments.resolve("")).isEmpty();
        assertThat(departments.resolve(null)).isEmpty();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
