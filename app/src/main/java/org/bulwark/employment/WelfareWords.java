package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sentences of public-welfare jobs in the reader's language ({@code employment.welfare.*}, {@code problem.*}): a
 * proposal's reasons, a refusal, each refused field — so that the page and a caller of the API read the same words.
 */
@Component
class WelfareWords {

    private final MessageSource messages;

    WelfareWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A field's problem in words, falling back to {@code otherwise} for a code without a message. */
    String problem(String code, String otherwise) {
        return messages.getMessage("problem." + code, null, otherwise, locale());
    }

    /** The reasons of a proposal, and the household's income per person, in one line. */
    String explanation(List<WelfareReason> reasons, BigDecimal perCapitaIncome) {
        String words = reasons.stream()
                .map(r -> say("employment.welfare.reason." + r))
                .collect(Collectors.joining(say("employment.listSeparator")));
        String income = perCapitaIncome == null
                ? say("employment.welfare.income.none")
                : say("employment.welfare.income", perCapitaIncome.toPlainString());
        return words + say("employment.listSeparator") + income;
    }

    String onPayrollSelf(PayrollEntry entry) {
        return say("employment.welfare.refusal.payrollSelf", entry.employer());
    }

    String onPayrollMember(PayrollEntry entry) {
        return say("employment.welfare.refusal.payrollMember", entry.name(), entry.employer());
    }

    String notProposed(long personId) {
        return say("employment.welfare.error.notProposed", String.valueOf(personId));
    }

    String notInTerm(LocalDate start, LocalDate end) {
        return say("employment.welfare.error.notInTerm", start.toString(), end.toString());
    }

    String noVacancy() {
        return say("employment.welfare.error.noVacancy");
    }

    String conflict() {
        return say("employment.welfare.error.conflict");
    }

    String ended() {
        return say("employment.welfare.error.ended");
    }

    String renewalNotLater(LocalDate termTo) {
        return say("employment.welfare.error.renewalNotLater", termTo.toString());
    }

    String renewalBeyondPost(LocalDate postEnd) {
        return say("employment.welfare.error.renewalBeyondPost", postEnd.toString());
    }

    String endOutsideTerm(LocalDate from, LocalDate today) {
        return say("employment.welfare.error.endOutsideTerm", from.toString(), today.toString());
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
