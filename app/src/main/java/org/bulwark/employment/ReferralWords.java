package org.bulwark.employment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.bulwark.core.employment.MatchRefusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reasons a referral is refused, in the reader's language ({@code employment.referral.error.*}), so that the
 * helper on a page and a caller of the API read the same sentence; and the states read from codes or Chinese words.
 */
@Component
class ReferralWords {

    private static final Map<String, ReferralState> CHINESE = Map.of(
            "已推荐", ReferralState.PROPOSED,
            "已联系", ReferralState.CONTACTED,
            "已面试", ReferralState.INTERVIEWED,
            "已录用", ReferralState.HIRED,
            "未成功", ReferralState.REFUSED);

    private final MessageSource messages;

    ReferralWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A state from its code or its Chinese word; null when it is neither. */
    static ReferralState parseState(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return Arrays.stream(ReferralState.values())
                .filter(s -> s.name().equalsIgnoreCase(t))
                .findFirst()
                .orElse(CHINESE.get(t));
    }

    String notAllowed(ReferralState from, ReferralState to) {
        return say("employment.referral.error.transition", state(from), state(to));
    }

    String notAMatch(MatchRefusal refusal) {
        return say("employment.referral.error.notAMatch", say("employment.refusal." + refusal));
    }

    String otherHousehold() {
        return say("employment.referral.error.otherHousehold");
    }

    String alreadyReferred() {
        return say("employment.referral.error.alreadyReferred");
    }

    String movedBySomeoneElse() {
        return say("employment.referral.error.conflict");
    }

    String noOpeningLeft(String postingTitle) {
        return say("employment.referral.error.noOpening", postingTitle);
    }

    String unknownState(String text) {
        return say("employment.referral.error.state", text == null ? "" : text);
    }

    String reasonRequired() {
        return say("employment.referral.error.reasonRequired");
    }

    String reasonTooLong() {
        return say("employment.referral.error.reasonTooLong");
    }

    private String state(ReferralState state) {
        return say("enum.ReferralState." + state);
    }

    private String say(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
