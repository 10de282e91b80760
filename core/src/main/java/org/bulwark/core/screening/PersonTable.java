package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.bulwark.core.registry.LabourCapacity;

/** Registered persons in columns, each pointing at its household by index; the engine's person input. */
public final class PersonTable {

    /** Epoch day stored for an unknown birth date. */
    public static final int UNKNOWN_DAY = Integer.MIN_VALUE;

    /** Youngest age of a main labourer. */
    public static final int MAIN_LABOURER_MIN_AGE = 16;
    /** Oldest age of a main labourer. */
    public static final int MAIN_LABOURER_MAX_AGE = 64;

    private final int size;
    private final int[] household;
    private final String[] idNumber;
    private final int[] birth;
    private final boolean[] ableBodied;
    private final boolean[] mainLabourer;
    private volatile MemberCounts memberCounts;

    /** Able-bodied members and main labourers per household. */
    record MemberCounts(int[] ableBodied, int[] mainLabourers) {}

    private PersonTable(Builder builder) {
        this.size = builder.size;
        this.household = Arrays.copyOf(builder.household, size);
        this.idNumber = Arrays.copyOf(builder.idNumber, size);
        this.birth = Arrays.copyOf(builder.birth, size);
        this.ableBodied = Arrays.copyOf(builder.ableBodied, size);
        this.mainLabourer = Arrays.copyOf(builder.mainLabourer, size);
    }

    private PersonTable(int[] household, String[] idNumber, int[] birth, boolean[] ableBodied, boolean[] mainLabourer) {
        this.size = household.length;
        this.household = household;
        this.idNumber = idNumber;
        this.birth = birth;
        this.ableBodied = ableBodied;
        this.mainLabourer = mainLabourer;
    }

    /**
     * A table over columns filled elsewhere (a columnar store), taken as they are, not copied: household indices,
     * identity numbers (null where not needed), birth dates as epoch days ({@link #UNKNOWN_DAY} when unknown),
     * able-bodied and main labourer as {@link #isMainLabourer} says on the as-of date.
     */
    public static PersonTable ofColumns(
            int[] household, String[] idNumber, int[] birthDay, boolean[] ableBodied, boolean[] mainLabourer) {
        int size = household.length;
        if (idNumber.length != size
                || birthDay.length != size
                || ableBodied.length != size
                || mainLabourer.length != size) {
            throw new IllegalArgumentException("person columns must all have " + size + " entries");
        }
        for (int p = 0; p < size; p++) {
            if (household[p] < 0) {
                throw new IllegalArgumentException("person " + p + ": household index must not be negative");
            }
        }
        return new PersonTable(household, idNumber, birthDay, ableBodied, mainLabourer);
    }

    /** A builder that adds persons one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** An empty table, for screening households whose members are not needed. */
    public static PersonTable empty() {
        return new Builder().build();
    }

    /**
     * Whether a person counts as a main labourer on {@code date}: able to work and aged 16–64 (both included). Persons
     * with weak or no labour capacity, or outside working age, are not.
     */
    public static boolean isMainLabourer(LabourCapacity capacity, LocalDate birth, LocalDate date) {
        if (capacity != LabourCapacity.ABLE || birth == null) {
            return false;
        }
        int age = CalendarDistance.wholeYears((int) birth.toEpochDay(), (int) date.toEpochDay());
        return age >= MAIN_LABOURER_MIN_AGE && age <= MAIN_LABOURER_MAX_AGE;
    }

    /** The same as {@link #isMainLabourer(LabourCapacity, LocalDate, LocalDate)} on epoch days, for bulk loads. */
    public static boolean isMainLabourer(boolean able, int birthDay, int day) {
        if (!able || birthDay == UNKNOWN_DAY) {
            return false;
        }
        int age = CalendarDistance.wholeYears(birthDay, day);
        return age >= MAIN_LABOURER_MIN_AGE && age <= MAIN_LABOURER_MAX_AGE;
    }

    /** Number of persons. */
    public int size() {
        return size;
    }

    /** Index of the person's household in the household table. */
    public int household(int person) {
        return household[person];
    }

    /** The person's identity number, or {@code null}. */
    public String idNumber(int person) {
        return idNumber[person];
    }

    /** The person's birth date as an epoch day, {@link #UNKNOWN_DAY} when unknown. */
    public int birthDay(int person) {
        return birth[person];
    }

    /** Whether the person is able-bodied. */
    public boolean ableBodied(int person) {
        return ableBodied[person];
    }

    /** Whether the person is a main labourer (able-bodied and of working age on the screening date). */
    public boolean mainLabourer(int person) {
        return mainLabourer[person];
    }

    int[] householdColumn() {
        return household;
    }

    /** Able-bodied members and main labourers of each of {@code householdCount} households, counted once and kept. */
    MemberCounts memberCounts(int householdCount) {
        MemberCounts counts = memberCounts;
        if (counts == null || counts.ableBodied().length != householdCount) {
            counts = new MemberCounts(new int[householdCount], new int[householdCount]);
            for (int p = 0; p < size; p++) {
                if (household[p] >= householdCount) {
                    throw new IllegalArgumentException("person " + p + " points at household " + household[p]
                            + " but there are " + householdCount);
                }
                if (ableBodied[p]) {
                    counts.ableBodied()[household[p]]++;
                }
                if (mainLabourer[p]) {
                    counts.mainLabourers()[household[p]]++;
                }
            }
            memberCounts = counts;
        }
        return counts;
    }

    int[] birthColumn() {
        return birth;
    }

    boolean[] ableBodiedColumn() {
        return ableBodied;
    }

    boolean[] mainLabourerColumn() {
        return mainLabourer;
    }

    /** Adds persons row by row. */
    public static final class Builder {

        private int size;
        private int[] household = new int[16];
        private String[] idNumber = new String[16];
        private int[] birth = new int[16];
        private boolean[] ableBodied = new boolean[16];
        private boolean[] mainLabourer = new boolean[16];

        private Builder() {}

        /**
         * Adds a person and returns its index.
         *
         * @param householdIndex index of the person's household
         * @param birthDate      birth date, {@code null} when unknown (the person's age is then unknown: -1)
         * @param able           able to work
         * @param main           a main labourer of the household
         */
        public int add(int householdIndex, String identityNumber, LocalDate birthDate, boolean able, boolean main) {
            if (householdIndex < 0) {
                throw new IllegalArgumentException("household index must not be negative, not " + householdIndex);
            }
            if (size == household.length) {
                grow();
            }
            household[size] = householdIndex;
            idNumber[size] = identityNumber;
            birth[size] = birthDate == null ? UNKNOWN_DAY : (int) birthDate.toEpochDay();
            ableBodied[size] = able;
            mainLabourer[size] = main;
            return size++;
        }

        /**
         * Adds a person from registry fields: able-bodied when the labour capacity is ABLE, a main labourer as
         * {@link #isMainLabourer} says on {@code asOf}.
         */
        public int addMember(
                int householdIndex,
                String identityNumber,
                LocalDate birthDate,
                LabourCapacity capacity,
                LocalDate asOf) {
            Objects.requireNonNull(asOf, "asOf");
            return add(
                    householdIndex,
                    identityNumber,
                    birthDate,
                    capacity == LabourCapacity.ABLE,
                    isMainLabourer(capacity, birthDate, asOf));
        }

        /** The table of the persons added so far. */
        public PersonTable build() {
            return new PersonTable(this);
        }

        private void grow() {
            int capacity = household.length * 2;
            household = Arrays.copyOf(household, capacity);
            idNumber = Arrays.copyOf(idNumber, capacity);
            birth = Arrays.copyOf(birth, capacity);
            ableBodied = Arrays.copyOf(ableBodied, capacity);
            mainLabourer = Arrays.copyOf(mainLabourer, capacity);
        }
    }
}
