package org.bulwark.core.generate;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;

/** Issues identity numbers under one county code, never the same one twice within a run. */
final class IdentityNumberIssuer {

    private static final int SEQUENCES = 1000;
    private static final int RANDOM_ATTEMPTS = 16;
    private static final long FIRST_DAY = IdentityNumber.EARLIEST_BIRTH_DATE.toEpochDay();

    private final String countyCode;
    // One bit per (birth date, sequence) pair: a few megabytes even for a province, unlike a set of strings.
    private final BitSet used = new BitSet();

    IdentityNumberIssuer(String countyCode) {
        this.countyCode = countyCode;
    }

    /** A new number for someone born on {@code birthDate}; throws if all 500 numbers for that day and sex are used. */
    IdentityNumber issue(LocalDate birthDate, Sex sex, SplittableRandom random) {
        long base = (birthDate.toEpochDay() - FIRST_DAY) * SEQUENCES;
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            IdentityNumber candidate = IdentityNumber.compose(countyCode, birthDate, random.nextInt(SEQUENCES), sex);
            if (claim(base, candidate.sequence())) {
                return candidate;
            }
        }
        // Random picks keep colliding only when the day is nearly full; a scan finds any gap left.
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            IdentityNumber candidate = IdentityNumber.compose(countyCode, birthDate, sequence, sex);
            if (claim(base, candidate.sequence())) {
                return candidate;
            }
        }
        throw new IllegalStateException("all identity numbers for " + sex + " born on " + birthDate + " are used");
    }

    private boolean claim(long base, int sequence) {
        int index = Math.toIntExact(base + sequence);
        if (used.get(index)) {
            return false;
        }
        used.set(index);
        return true;
    }
}
