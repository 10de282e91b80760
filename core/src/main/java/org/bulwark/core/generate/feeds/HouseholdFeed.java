package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;

/**
 * One household while its records are written: the household and its dates, what planted records have reserved (a
 * death, a member's employment or school status, the housing appraisal) so that routine records make room for them,
 * and the quiet budgets routine records draw on.
 */
final class HouseholdFeed {

    private final GeneratedHousehold household;
    private final List<GeneratedPerson> members;
    private final FeedCalendar calendar;
    private final FeedVolume volume;
    private final FeedSink sink;
    private final double netIncome;
    private final QuietBudget medicalBudget;
    private final LocalDate[] deathDates;
    private final boolean[] employmentPlanted;
    private final boolean[] schoolStatusPlanted;
    private final Set<LocalDate> waterDates = new HashSet<>();
    private boolean housingPlanted;
    private int contradictionMember = -1;
    // non-compulsory schooling cost left after aid this school year, by routine records (EDU-02)
    private long schoolCostAfterAid;

    HouseholdFeed(GeneratedHousehold household, FeedCalendar calendar, FeedVolume volume, FeedSink sink) {
        this.household = household;
        this.members = household.members();
        this.calendar = calendar;
        this.volume = volume;
        this.sink = sink;
        this.netIncome = latestNetIncome(household);
        this.medicalBudget = QuietBudget.forHousehold(DefaultThresholds.medical(assisted()), netIncome);
        this.deathDates = new LocalDate[members.size()];
        this.employmentPlanted = new boolean[members.size()];
        this.schoolStatusPlanted = new boolean[members.size()];
    }

    String householdNumber() {
        return household.householdNumber();
    }

    String villageCode() {
        return household.villageCode();
    }

    FeedCalendar calendar() {
        return calendar;
    }

    FeedVolume volume() {
        return volume;
    }

    /** Formerly poor or monitored: what the upward rules and the lower MED-01 threshold look at. */
    boolean assisted() {
        return household.category() != HouseholdCategory.ORDINARY;
    }

    boolean monitored() {
        return household.category() == HouseholdCategory.MONITORED;
    }

    /** Net income of the latest income year, as the rules read it; 0 when unknown. */
    double netIncome() {
        return netIncome;
    }

    QuietBudget medicalBudget() {
        return medicalBudget;
    }

    int size() {
        return members.size();
    }

    GeneratedPerson member(int index) {
        return members.get(index);
    }

    /** Age in whole years on a date. */
    int age(int index, LocalDate on) {
        return FeedCalendar.age(members.get(index).birthDate(), on);
    }

    /** Age in whole years on the as-of day. */
    int age(int index) {
        return age(index, calendar.asOf());
    }

    boolean alive(int index) {
        return deathDates[index] == null;
    }

    /** Whether the member was alive on a date (a member who dies in the feed has no records after it). */
    boolean aliveOn(int index, LocalDate date) {
        return deathDates[index] == null || !date.isAfter(deathDates[index]);
    }

    LocalDate deathDate(int index) {
        return deathDates[index];
    }

    void reserveDeath(int index, LocalDate date) {
        deathDates[index] = date;
    }

    /** Able to work and aged 16–64: a main labourer as ACC-01 counts one. */
    boolean mainLabourer(int index) {
        int age = age(index);
        return members.get(index).labourCapacity() == LabourCapacity.ABLE
                && age >= DefaultThresholds.MAIN_LABOURER_MIN_AGE
                && age <= DefaultThresholds.MAIN_LABOURER_MAX_AGE;
    }

    boolean employmentPlanted(int index) {
        return employmentPlanted[index];
    }

    void reserveEmployment(int index) {
        employmentPlanted[index] = true;
    }

    boolean schoolStatusPlanted(int index) {
        return schoolStatusPlanted[index];
    }

    void reserveSchoolStatus(int index) {
        schoolStatusPlanted[index] = true;
    }

    /** The member a planted contradiction is about, or -1. */
    int contradictionMember() {
        return contradictionMember;
    }

    void reserveContradiction(int index) {
        contradictionMember = index;
    }

    boolean housingPlanted() {
        return housingPlanted;
    }

    void reserveHousing() {
        housingPlanted = true;
    }

    long schoolCostAfterAid() {
        return schoolCostAfterAid;
    }

    void addSchoolCostAfterAid(long cents) {
        schoolCostAfterAid += cents;
    }

    /** Claims a water-monitoring date; false when the household already has a check that day. */
    boolean claimWaterDate(LocalDate date) {
        return waterDates.add(date);
    }

    /**
     * A date between {@code maxDaysBack} and {@code minDaysBack} days before the as-of day on which the member was
     * alive and born, or null when there is none.
     */
    LocalDate dateInLife(int index, SplittableRandom random, int minDaysBack, int maxDaysBack) {
        return dateAtAge(index, random, 0, minDaysBack, maxDaysBack);
    }

    /** Like {@link #dateInLife}, but only on days the member was at least {@code minAge} years old. */
    LocalDate dateAtAge(int index, SplittableRandom random, int minAge, int minDaysBack, int maxDaysBack) {
        long first = Math.max(
                members.get(index).birthDate().plusYears(minAge).toEpochDay(),
                calendar.asOf().toEpochDay() - maxDaysBack);
        long last = calendar.asOf().toEpochDay() - minDaysBack;
        if (deathDates[index] != null) {
            last = Math.min(last, deathDates[index].toEpochDay());
        }
        if (last < first) {
            return null;
        }
        return LocalDate.ofEpochDay(first + random.nextLong(last - first + 1));
    }

    /** A living member passing {@code test}, picked at random, or -1 when there is none. */
    int pickMember(SplittableRandom random, IntPredicate test) {
        int start = random.nextInt(members.size());
        for (int i = 0; i < members.size(); i++) {
            int index = (start + i) % members.size();
            if (alive(index) && test.test(index)) {
                return index;
            }
        }
        return -1;
    }

    /** Whether some living member passes {@code test}. */
    boolean anyMember(IntPredicate test) {
        for (int i = 0; i < members.size(); i++) {
            if (alive(i) && test.test(i)) {
                return true;
            }
        }
        return false;
    }

    /** A row of a person-keyed category with the member's identity number and registered name filled in. */
    FeedRow personRow(FeedCategory category, int index) {
        GeneratedPerson person = members.get(index);
        return new FeedRow(category).text("id_number", person.idNumber()).text("name", person.name());
    }

    /** A row of a household-keyed category with the household number filled in. */
    FeedRow householdRow(FeedCategory category) {
        return new FeedRow(category).text("household_number", household.householdNumber());
    }

    void emit(FeedRow row) {
        sink.record(row.category().code(), row.values());
    }

    private static double latestNetIncome(GeneratedHousehold household) {
        List<GeneratedIncome> incomes = household.incomes();
        return incomes.isEmpty()
                ? 0
                : incomes.get(incomes.size() - 1).account().netIncome().doubleValue();
    }
}
