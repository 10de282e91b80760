package org.bulwark.core.generate;

import static org.bulwark.core.generate.Draw.between;
import static org.bulwark.core.generate.Draw.chance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Relation;

/**
 * Draws who lives in a household: its shape (elderly alone, elderly couple, nuclear family, three generations…), then
 * members whose ages fit their relation to the head. Children and grandchildren take the head's surname.
 */
final class HouseholdComposer {

    static final int MAX_MEMBERS = 8;
    static final int MAX_AGE = 95;
    /** A child is at least this many years younger than the head (the head's age at the child's birth). */
    static final int MIN_PARENT_AGE = 20;

    /** Household shapes of rural western China, weighted so the mean size is about 3.4. */
    enum Shape {
        ELDER_ALONE,
        ELDER_COUPLE,
        ADULT_ALONE,
        COUPLE,
        NUCLEAR,
        THREE_GENERATIONS
    }

    private static final Weighted<Shape> SHAPES = Weighted.of(
            Shape.ELDER_ALONE,
            13,
            Shape.ELDER_COUPLE,
            16,
            Shape.ADULT_ALONE,
            5,
            Shape.COUPLE,
            5,
            Shape.NUCLEAR,
            44,
            Shape.THREE_GENERATIONS,
            17);
    private static final Weighted<Integer> CHILDREN = Weighted.of(1, 34, 2, 45, 3, 16, 4, 5);
    private static final Weighted<Integer> GRANDCHILDREN = Weighted.of(1, 45, 2, 42, 3, 13);

    private HouseholdComposer() {}

    /** The members of one household, head first. */
    static List<MemberSketch> compose(SplittableRandom random) {
        Members members = new Members(random);
        switch (SHAPES.pick(random)) {
            case ELDER_ALONE -> elderAlone(members, random);
            case ELDER_COUPLE -> elderCouple(members, random);
            case ADULT_ALONE -> adultAlone(members, random);
            case COUPLE -> couple(members, random);
            case NUCLEAR -> nuclear(members, random);
            case THREE_GENERATIONS -> threeGenerations(members, random);
        }
        return members.list;
    }

    private static void elderAlone(Members members, SplittableRandom random) {
        // Widows outlive widowers, so an elderly person alone is more often a woman.
        members.head(elderAge(random), chance(random, 0.55) ? Sex.FEMALE : Sex.MALE);
        if (chance(random, 0.15)) {
            leftBehindGrandchildren(members, random);
        }
    }

    private static void elderCouple(Members members, SplittableRandom random) {
        MemberSketch head = members.head(elderAge(random), mostlyMale(random, 0.95));
        members.spouse(head);
        if (chance(random, 0.2)) {
            leftBehindGrandchildren(members, random);
        }
    }

    private static void adultAlone(Members members, SplittableRandom random) {
        MemberSketch head = members.head(between(random, 22, 59), mostlyMale(random, 0.8));
        if (chance(random, 0.25)) {
            members.parent(head, chance(random, 0.7) ? Sex.FEMALE : Sex.MALE);
        }
    }

    private static void couple(Members members, SplittableRandom random) {
        members.spouse(members.head(between(random, 25, 59), mostlyMale(random, 0.92)));
    }

    private static void nuclear(Members members, SplittableRandom random) {
        MemberSketch head = members.head(between(random, 27, 58), mostlyMale(random, 0.9));
        if (chance(random, 0.92)) {
            members.spouse(head);
        }
        int age = head.age() - between(random, 21, 29);
        for (int i = CHILDREN.pick(random); i > 0 && age >= 0; i--) {
            // Grown children over 30 have mostly left to start their own households.
            if (age <= 30) {
                members.child(age, chance(random, 0.53) ? Sex.MALE : Sex.FEMALE);
            }
            age -= between(random, 1, 6);
        }
        if (chance(random, 0.2)) {
            members.parent(head, Sex.MALE);
            if (chance(random, 0.7)) {
                members.parent(head, Sex.FEMALE);
            }
        } else if (chance(random, 0.1)) {
            members.parent(head, Sex.FEMALE);
        }
        if (chance(random, 0.03)) {
            members.sibling(head);
        }
        if (head.age() <= 35 && chance(random, 0.05)) {
            members.grandparent(head);
        }
    }

    private static void threeGenerations(Members members, SplittableRandom random) {
        MemberSketch head = members.head(between(random, 48, 75), mostlyMale(random, 0.92));
        if (chance(random, 0.88)) {
            members.spouse(head);
        }
        // The married child is usually a son who stayed; his wife joins the household.
        int childAge = head.age() - between(random, 21, Math.min(29, head.age() - 22));
        MemberSketch married = members.child(childAge, chance(random, 0.85) ? Sex.MALE : Sex.FEMALE);
        if (chance(random, 0.85)) {
            members.childInLaw(married);
        }
        int grandchildAge = married.age() - between(random, 21, Math.min(28, married.age()));
        for (int i = GRANDCHILDREN.pick(random); i > 0 && grandchildAge >= 0; i--) {
            members.grandchild(grandchildAge);
            grandchildAge -= between(random, 1, 5);
        }
        if (chance(random, 0.3)) {
            int youngerAge = married.age() - between(random, 1, 6);
            if (youngerAge >= 16) {
                members.child(youngerAge, chance(random, 0.5) ? Sex.MALE : Sex.FEMALE);
            }
        }
    }

    private static void leftBehindGrandchildren(Members members, SplittableRandom random) {
        // Grandparents raise the children of sons and daughters working in the cities.
        int count = chance(random, 0.6) ? 1 : 2;
        int age = between(random, 3, 15);
        for (int i = 0; i < count && age >= 0; i++) {
            members.grandchild(age);
            age -= between(random, 1, 4);
        }
    }

    /** 60 or more, skewed young: most rural elderly are in their sixties and seventies. */
    private static int elderAge(SplittableRandom random) {
        int age;
        do {
            age = 60 + (int) (-10.0 * StrictMath.log(1.0 - random.nextDouble()));
        } while (age > MAX_AGE);
        return age;
    }

    private static Sex mostlyMale(SplittableRandom random, double maleShare) {
        return chance(random, maleShare) ? Sex.MALE : Sex.FEMALE;
    }

    /** The growing member list, which silently stops at {@link #MAX_MEMBERS}. */
    private static final class Members {

        private final SplittableRandom random;
        private final List<MemberSketch> list = new ArrayList<>(MAX_MEMBERS);
        private String headSurname;

        Members(SplittableRandom random) {
            this.random = random;
        }

        MemberSketch head(int age, Sex sex) {
            headSurname = ChineseNames.surname(random);
            return add(new MemberSketch(Relation.HEAD, sex, age, headSurname));
        }

        void spouse(MemberSketch head) {
            // Husbands are usually a little older than their wives; the gap stays within five years.
            int gap = (int) Math.round(Draw.normal(random, 2, 2, -5, 5));
            int age = head.sex() == Sex.MALE ? head.age() - gap : head.age() + gap;
            add(new MemberSketch(Relation.SPOUSE, opposite(head.sex()), clampAdult(age), ChineseNames.surname(random)));
        }

        MemberSketch child(int age, Sex sex) {
            return add(new MemberSketch(Relation.CHILD, sex, age, headSurname));
        }

        void childInLaw(MemberSketch married) {
            int age = married.age() + between(random, -3, 3);
            add(new MemberSketch(
                    Relation.CHILD_IN_LAW, opposite(married.sex()), clampAdult(age), ChineseNames.surname(random)));
        }

        void grandchild(int age) {
            add(new MemberSketch(Relation.GRANDCHILD, chance(random, 0.53) ? Sex.MALE : Sex.FEMALE, age, headSurname));
        }

        void parent(MemberSketch head, Sex sex) {
            int age = head.age() + between(random, 22, 34);
            if (age <= MAX_AGE) {
                // A father shares the head's surname; a mother keeps her own.
                String surname = sex == Sex.MALE ? headSurname : ChineseNames.surname(random);
                add(new MemberSketch(Relation.PARENT, sex, age, surname));
            }
        }

        void grandparent(MemberSketch head) {
            int age = head.age() + between(random, 45, 58);
            if (age <= MAX_AGE) {
                add(new MemberSketch(Relation.GRANDPARENT, Sex.FEMALE, age, ChineseNames.surname(random)));
            }
        }

        void sibling(MemberSketch head) {
            int age = Math.max(16, head.age() + between(random, -8, 8));
            add(new MemberSketch(Relation.SIBLING, mostlyMale(random, 0.7), age, headSurname));
        }

        private MemberSketch add(MemberSketch member) {
            if (list.size() < MAX_MEMBERS) {
                list.add(member);
            }
            return member;
        }

        private static int clampAdult(int age) {
            return Math.max(20, Math.min(MAX_AGE, age));
        }

        private static Sex opposite(Sex sex) {
            return sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        }
    }
}
