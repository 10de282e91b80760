package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.core.screening.RuleSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entries written before descriptions (English sentences in the summary column, which the hash chain forbids to
 * rewrite) read in Chinese like new ones; a sentence not recognised is shown as written, numbers masked.
 */
class LegacySummariesTest {

    AuditTexts texts;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        texts = new AuditTexts(source, null, JsonMapper.builder().build(), List.of(LegacySummariesTest::ruleTitle));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    /** Rule titles from the shipped rule file, as the screening module names them to the audit texts. */
    private static Optional<String> ruleTitle(String key, Locale locale) {
        if (!key.startsWith("rules.title.")) {
            return Optional.empty();
        }
        try (Reader in = new InputStreamReader(
                LegacySummariesTest.class.getResourceAsStream("/screening/rules.yaml"), StandardCharsets.UTF_8)) {
            return RuleSet.load(in, "rules.yaml")
                    .rule(key.substring("rules.title.".length()))
                    .map(rule -> rule.title(locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    String said(AuditAction action, String entityType, String summary) {
        return texts.description(action, entityType, summary, null, null);
    }

    @Test
    void theSentencesOfSignInsAccountsAndTokensReadInChinese() {
        assertThat(said(AuditAction.LOGIN, "user", "signed in")).isEqualTo("登录成功");
        assertThat(said(AuditAction.LOGIN, "user", "second factor passed (totp)"))
                .isEqualTo("双重认证通过（动态验证码）");
        assertThat(said(AuditAction.LOGIN_FAILED, "user", "second factor refused (password-only)"))
                .isEqualTo("双重认证未通过（仅用密码调用接口）");
        assertThat(said(AuditAction.LOGIN_FAILED, "user", "BadCredentialsException"))
                .isEqualTo("登录被拒绝：用户名或密码错误");
        assertThat(said(AuditAction.LOCKOUT, "user", "locked after 5 refused sign-ins"))
                .isEqualTo("连续 5 次登录失败，账户已锁定");
        assertThat(said(AuditAction.UPDATE, "user", "county: password reset")).isEqualTo("账户 county：重置密码");
        assertThat(said(AuditAction.UPDATE, "user", "county: second factor recovery code used"))
                .isEqualTo("账户 county：使用恢复码登录");
        assertThat(said(AuditAction.LOGIN, "access_token", "access token 导出脚本 used"))
                .isEqualTo("使用访问令牌“导出脚本”");
    }

    @Test
    void theSentencesOfCasesWarningsRevealsAndImportsReadInChinese() {
        assertThat(said(AuditAction.CREATE, "case", "open identification case")).isEqualTo("新建监测对象识别案件");
        assertThat(said(AuditAction.UPDATE, "case", "VILLAGE_REVIEW PASS")).isEqualTo("村级民主评议：通过");
        assertThat(said(AuditAction.UPDATE, "warning", "confirmed MED-01")).isEqualTo("预警已确认：医疗自付费用较高");
        assertThat(said(AuditAction.REVEAL, "audit_entry", "revealed /after/members/1/idNumber"))
                .isEqualTo("查看完整信息：修改后 · 成员2 · 身份证号");
        assertThat(said(AuditAction.REVEAL, "person", "revealed idNumber")).isEqualTo("查看完整信息：身份证号");
        assertThat(said(AuditAction.IMPORT, "batch", "medical_settlement")).isEqualTo("导入部门数据：医疗费用结算");
        assertThat(said(
                        AuditAction.GENERATE,
                        "household",
                        "generated 8000 households, 27000 persons, 9000 income records"))
                .isEqualTo("生成演示数据：8000 户、27000 人、9000 条收入记录");
    }

    /** A data category is named by the data catalogue, its one source, in the reader's language (issue 14 item 26). */
    @Test
    void anImportNamesItsCategoryFromTheCatalogueInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(said(AuditAction.IMPORT, "batch", "medical_settlement"))
                .isEqualTo("Department data imported: Medical cost settlement");
        assertThat(value("app_user", "department", "civil_affairs")).isEqualTo("Civil Affairs Bureau");
        assertThat(said(AuditAction.UPDATE, "warning", "confirmed MED-01"))
                .endsWith(": High out-of-pocket medical costs");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(value("app_user", "department", "civil_affairs")).isEqualTo("民政局");
        assertThat(value("batch", "category", "serious_illness")).isEqualTo("大病慢病确诊");
    }

    private String value(String entityType, String field, String code) {
        return texts.value(entityType, field, JsonMapper.builder().build().readTree("\"" + code + "\""));
    }

    @Test
    void aSentenceNotRecognisedIsShownAsWrittenWithNumbersMasked() {
        assertThat(said(AuditAction.UPDATE, "region", "note about 13800001234")).isEqualTo("note about 138****1234");
        assertThat(said(AuditAction.UPDATE, "region", null)).isNull();
    }
}
