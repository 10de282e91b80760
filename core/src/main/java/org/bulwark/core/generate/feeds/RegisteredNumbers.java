package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.core.identity.IdentityNumber;

/**
 * The identity numbers seen in the registry, one bit per region, birth date and sequence code: about 6 MB per county
 * however many people live there, where a set of strings would take gigabytes. Numbers made up for unregistered
 * residents are claimed here too, so they collide neither with the registry nor with each other.
 */
final class RegisteredNumbers {

    private static final int SEQUENCES = 1000;
    private static final long FIRST_DAY = IdentityNumber.EARLIEST_BIRTH_DATE.toEpochDay();

    /** The numbers of one region code and how many registered persons carry it. */
    static final class Region {
        private final BitSet used = new BitSet();
        private long persons;

        long persons() {
            return persons;
        }
    }

    private final Map<String, Region> regions = new LinkedHashMap<>();

    /** Records a registered person's number. */
    void add(String idNumber) {
        Region region = regions.computeIfAbsent(idNumber.substring(0, 6), code -> new Region());
        region.used.set(index(birthDate(idNumber), sequence(idNumber)));
        region.persons++;
    }

    /** The regions in the order they were first seen. */
    Map<String, Region> regions() {
        return regions;
    }

    /** Takes a number for an unregistered resident; false when the registry or an earlier claim has it. */
    boolean claim(IdentityNumber number) {
        Region region = regions.computeIfAbsent(number.regionPrefix(), code -> new Region());
        int index = index(number.birthDate(), number.sequence());
        if (region.used.get(index)) {
            return false;
        }
        region.used.set(index);
        return true;
    }

    private static int index(LocalDate birthDate, int sequence) {
        return Math.toIntExact((birthDate.toEpochDay() - FIRST_DAY) * SEQUENCES + sequence);
    }

    // read straight from the digits: the registry's numbers are valid, and checking each again would cost time
    private static LocalDate birthDate(String idNumber) {
        return LocalDate.of(digits(idNumber, 6, 10), digits(idNumber, 10, 12), digits(idNumber, 12, 14));
    }

    private static int sequence(String idNumber) {
        return digits(idNumber, 14, 17);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
