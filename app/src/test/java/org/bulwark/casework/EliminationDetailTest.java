package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.casework.EliminationCriterion;
import org.bulwark.core.casework.RiskEliminationAssessment.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The lines of a risk-elimination assessment say in words what the assessment could not give as a figure: no date
 * since which income was above the line reads as such, not "自-起持续高于监测范围" (issue 14, item 16).
 */
class EliminationDetailTest {

    CaseworkMessages messages;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        messages = new CaseworkMessages(source);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void incomeAboveTheLineSinceADateNamesTheDate() {
        String line = messages.detail(new Result(
                EliminationCriterion.INCOME_STABLY_ABOVE_LINE,
                true,
                List.of(new BigDecimal("9100"), new BigDecimal("8900"), LocalDate.of(2025, 9, 1), 6)));
        assertThat(line).contains("自2025-09-01起持续高于监测范围").contains("9,100").doesNotContain("-起");
    }

    @Test
    void incomeBelowTheLineHasNoDateAndSaysSo() {
        String line = messages.detail(new Result(
                EliminationCriterion.INCOME_STABLY_ABOVE_LINE,
                false,
                List.of(new BigDecimal("7000"), new BigDecimal("8900"), "-", 6)));
        assertThat(line)
                .contains("目前未高于监测范围")
                .contains("7,000")
                .doesNotContain("自-起")
                .doesNotContain("-");
    }

    @Test
    void noIncomeAtAllAndNoIdentificationDateAreSaidInWords() {
        assertThat(messages.detail(new Result(
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE,
                        false,
                        List.of("-", new BigDecimal("8900"), "-", 6))))
                .startsWith("尚无人均纯收入记录")
                .doesNotContain("-");
        assertThat(messages.detail(new Result(EliminationCriterion.MONITORED_LONG_ENOUGH, false, List.of("-", 6))))
                .isEqualTo("尚无纳入监测日期；须满6个月");
    }
}
