package org.bulwark.core.generate;

import java.util.SplittableRandom;

/** Draws a household's mobile phone number and its village-style address. */
final class ContactSampler {

    /** Three-digit mobile prefixes in use, all starting 13, 15, 17, 18 or 19. */
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "170", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186",
        "187", "188", "189", "191", "198", "199",
    };

    private static final int GROUPS = 12;
    private static final int HOUSES_PER_GROUP = 99;

    private ContactSampler() {}

    /** An 11-digit mainland mobile number. */
    static String phone(SplittableRandom random) {
        char[] digits = new char[11];
        MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)].getChars(0, 3, digits, 0);
        for (int i = 3; i < digits.length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    /** A village address: villager group and house number, e.g. 第3组12号. */
    static String address(SplittableRandom random) {
        return "第" + (1 + random.nextInt(GROUPS)) + "组" + (1 + random.nextInt(HOUSES_PER_GROUP)) + "号";
    }
}
