package org.bulwark.core.generate;

import static org.bulwark.core.generate.Draw.between;
import static org.bulwark.core.generate.Draw.chance;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Schooling;

/**
 * Fills in a member's details from their age and sex: identity number, name, health, disability, schooling,
 * education by birth cohort, labour capacity, work and insurance. People in school have the education of the stage
 * they are in.
 */
final class PersonSampler {

    /** What a person of working age does, before it is mapped to employment, place and months. */
    enum Work {
        OUT_OF_PROVINCE,
        IN_PROVINCE,
        LOCAL_JOB,
        SELF_EMPLOYED,
        FARMING,
        UNEMPLOYED,
        NOT_WORKING
    }

    private static final Weighted<Disability> DISABILITY_GRADES =
            Weighted.of(Disability.GRADE_1, 10, Disability.GRADE_2, 18, Disability.GRADE_3, 32, Disability.GRADE_4, 40);

    private static final Weighted<Education> BORN_BEFORE_1950 = Weighted.of(
            Education.NONE, 45, Education.PRIMARY, 43, Education.JUNIOR_SECONDARY, 9, Education.SENIOR_SECONDARY, 3);
    private static final Weighted<Education> BORN_1950_TO_1964 = Weighted.of(
            Education.NONE,
            24,
            Education.PRIMARY,
            50,
            Education.JUNIOR_SECONDARY,
            20,
            Education.SENIOR_SECONDARY,
            5,
            Education.VOCATIONAL,
            1);
    private static final Weighted<Education> BORN_1965_TO_1979 = Weighted.of(
            Education.NONE,
            8,
            Education.PRIMARY,
            40,
            Education.JUNIOR_SECONDARY,
            42,
            Education.SENIOR_SECONDARY,
            7,
            Education.VOCATIONAL,
            2,
            Education.COLLEGE,
            1);
    private static final Weighted<Education> BORN_1980_TO_1994 = Weighted.of(
            Education.NONE,
            2,
            Education.PRIMARY,
            18,
            Education.JUNIOR_SECONDARY,
            55,
            Education.SENIOR_SECONDARY,
            12,
            Education.VOCATIONAL,
            8,
            Education.COLLEGE,
            5);
    private static final Weighted<Education> BORN_1995_OR_LATER = Weighted.of(
            Education.NONE,
            1,
            Education.PRIMARY,
            5,
            Education.JUNIOR_SECONDARY,
            45,
            Education.SENIOR_SECONDARY,
            20,
            Education.VOCATIONAL,
            17,
            Education.COLLEGE,
            12);

    private static final Weighted<Work> YOUNG_ABLE = Weighted.of(
            Work.OUT_OF_PROVINCE,
            30,
            Work.IN_PROVINCE,
            14,
            Work.LOCAL_JOB,
            14,
            Work.SELF_EMPLOYED,
            5,
            Work.FARMING,
            31,
            Work.UNEMPLOYED,
            6);
    private static final Weighted<Work> MIDDLE_AGED_ABLE = Weighted.of(
            Work.OUT_OF_PROVINCE,
            16,
            Work.IN_PROVINCE,
            10,
            Work.LOCAL_JOB,
            16,
            Work.SELF_EMPLOYED,
            5,
            Work.FARMING,
            48,
            Work.UNEMPLOYED,
            5);
    private static final Weighted<Work> ELDERLY_ABLE =
            Weighted.of(Work.LOCAL_JOB, 10, Work.SELF_EMPLOYED, 3, Work.FARMING, 67, Work.NOT_WORKING, 20);
    // Weak labourers farm, or hold the public-welfare jobs set aside for them.
    private static final Weighted<Work> WEAK = Weighted.of(Work.LOCAL_JOB, 15, Work.FARMING, 55, Work.NOT_WORKING, 30);

    private static final double MEDICAL_INSURED = 0.97;
    private static final double PENSION_INSURED = 0.9;
    private static final int DAYS_IN_YEAR = 365;

    private final LocalDate asOf;
    private final IdentityNumberIssuer issuer;

    PersonSampler(LocalDate asOf, IdentityNumberIssuer issuer) {
        this.asOf = asOf;
        this.issuer = issuer;
    }

    GeneratedPerson draw(MemberSketch sketch, SplittableRandom random) {
        int age = sketch.age();
        // Subtracting fewer than 365 days from the day `age` years back keeps the age on asOf exactly `age`.
        LocalDate birthDate = asOf.minusYears(age).minusDays(random.nextInt(DAYS_IN_YEAR));
        IdentityNumber id = issuer.issue(birthDate, sketch.sex(), random);
        String name = ChineseNames.fullName(sketch.surname(), sketch.sex(), random);
        Health health = health(age, random);
        Disability disability = disability(age, random);
        Schooling schooling = schooling(age, disability, random);
        Education education = education(age, birthDate.getYear(), schooling, random);
        LabourCapacity capacity = labourCapacity(age, health, disability, random);
        Work work = work(age, capacity, schooling, random);
        boolean adultOutOfSchool = age >= 16 && !inSchool(schooling);
        return new GeneratedPerson(
                id.value(),
                name,
                sketch.sex(),
                birthDate,
                sketch.relation(),
                education,
                health,
                disability,
                capacity,
                employment(work),
                place(work),
                months(work, random),
                schooling,
                chance(random, MEDICAL_INSURED),
                adultOutOfSchool && chance(random, PENSION_INSURED));
    }

    static boolean inSchool(Schooling schooling) {
        return switch (schooling) {
            case PRESCHOOL, COMPULSORY, SENIOR_SECONDARY, VOCATIONAL, HIGHER, HOME_SCHOOLED_FOR_DISABILITY -> true;
            case NOT_SCHOOL_AGE, DROPPED_OUT -> false;
        };
    }

    private static Health health(int age, SplittableRandom random) {
        // Chronic and serious illness both rise with age; overall about 10% and 2%.
        double chronic;
        double serious;
        if (age < 16) {
            chronic = 0.02;
            serious = 0.005;
        } else if (age < 45) {
            chronic = 0.05;
            serious = 0.01;
        } else if (age < 60) {
            chronic = 0.12;
            serious = 0.025;
        } else if (age < 70) {
            chronic = 0.20;
            serious = 0.04;
        } else {
            chronic = 0.28;
            serious = 0.05;
        }
        double u = random.nextDouble();
        if (u < serious) {
            return Health.SERIOUS_ILLNESS;
        }
        return u < serious + chronic ? Health.CHRONIC_ILLNESS : Health.HEALTHY;
    }

    private static Disability disability(int age, SplittableRandom random) {
        double p = age < 16 ? 0.015 : age < 60 ? 0.05 : age < 75 ? 0.11 : 0.16;
        return chance(random, p) ? DISABILITY_GRADES.pick(random) : Disability.NONE;
    }

    private static boolean severe(Disability disability) {
        return disability == Disability.GRADE_1 || disability == Disability.GRADE_2;
    }

    private static Schooling schooling(int age, Disability disability, SplittableRandom random) {
        if (age < 3) {
            return Schooling.NOT_SCHOOL_AGE;
        }
        if (age <= 5) {
            return chance(random, 0.88) ? Schooling.PRESCHOOL : Schooling.NOT_SCHOOL_AGE;
        }
        if (age <= 15) {
            if (severe(disability) && chance(random, 0.4)) {
                return Schooling.HOME_SCHOOLED_FOR_DISABILITY;
            }
            return chance(random, 0.005) ? Schooling.DROPPED_OUT : Schooling.COMPULSORY;
        }
        if (age <= 18) {
            double u = random.nextDouble();
            return u < 0.52 ? Schooling.SENIOR_SECONDARY : u < 0.85 ? Schooling.VOCATIONAL : Schooling.NOT_SCHOOL_AGE;
        }
        if (age <= 22) {
            return chance(random, 0.3) ? Schooling.HIGHER : Schooling.NOT_SCHOOL_AGE;
        }
        return Schooling.NOT_SCHOOL_AGE;
    }

    private static Education education(int age, int birthYear, Schooling schooling, SplittableRandom random) {
        switch (schooling) {
            case PRESCHOOL:
                return Education.NONE;
            case COMPULSORY, HOME_SCHOOLED_FOR_DISABILITY, DROPPED_OUT:
                return age <= 11 ? Education.PRIMARY : Education.JUNIOR_SECONDARY;
            case SENIOR_SECONDARY:
                return Education.SENIOR_SECONDARY;
            case VOCATIONAL:
                return Education.VOCATIONAL;
            case HIGHER:
                return Education.COLLEGE;
            default:
                break;
        }
        if (age < 16) {
            return Education.NONE;
        }
        Weighted<Education> cohort = birthYear < 1950
                ? BORN_BEFORE_1950
                : birthYear < 1965
                        ? BORN_1950_TO_1964
                        : birthYear < 1980
                                ? BORN_1965_TO_1979
                                : birthYear < 1995 ? BORN_1980_TO_1994 : BORN_1995_OR_LATER;
        Education drawn = cohort.pick(random);
        // A young person out of school has not finished college.
        return age < 21 && drawn == Education.COLLEGE ? Education.SENIOR_SECONDARY : drawn;
    }

    private static LabourCapacity labourCapacity(
            int age, Health health, Disability disability, SplittableRandom random) {
        if (age < 16) {
            return LabourCapacity.NOT_WORKING_AGE;
        }
        if (severe(disability)) {
            return LabourCapacity.NONE;
        }
        if (health == Health.SERIOUS_ILLNESS) {
            return chance(random, 0.6) ? LabourCapacity.NONE : LabourCapacity.WEAK;
        }
        double able;
        double weak;
        if (age >= 75) {
            able = 0.03;
            weak = 0.42;
        } else if (age >= 65) {
            able = 0.2;
            weak = 0.55;
        } else if (health == Health.CHRONIC_ILLNESS || disability != Disability.NONE) {
            able = 0.45;
            weak = 0.5;
        } else {
            able = 0.93;
            weak = 0.06;
        }
        double u = random.nextDouble();
        return u < able ? LabourCapacity.ABLE : u < able + weak ? LabourCapacity.WEAK : LabourCapacity.NONE;
    }

    private static Work work(int age, LabourCapacity capacity, Schooling schooling, SplittableRandom random) {
        if (inSchool(schooling)) {
            return Work.NOT_WORKING;
        }
        return switch (capacity) {
            case ABLE -> (age < 45 ? YOUNG_ABLE : age < 60 ? MIDDLE_AGED_ABLE : ELDERLY_ABLE).pick(random);
            case WEAK -> WEAK.pick(random);
            case NONE, NOT_WORKING_AGE -> Work.NOT_WORKING;
        };
    }

    private static Employment employment(Work work) {
        return switch (work) {
            case OUT_OF_PROVINCE, IN_PROVINCE, LOCAL_JOB -> Employment.EMPLOYED;
            case SELF_EMPLOYED -> Employment.SELF_EMPLOYED;
            case FARMING -> Employment.FARMING;
            case UNEMPLOYED -> Employment.UNEMPLOYED;
            case NOT_WORKING -> Employment.NOT_IN_LABOUR_FORCE;
        };
    }

    private static EmploymentPlace place(Work work) {
        return switch (work) {
            case OUT_OF_PROVINCE -> EmploymentPlace.OUT_OF_PROVINCE;
            case IN_PROVINCE -> EmploymentPlace.IN_PROVINCE;
            case LOCAL_JOB, SELF_EMPLOYED -> EmploymentPlace.IN_COUNTY;
            case FARMING, UNEMPLOYED, NOT_WORKING -> null;
        };
    }

    private static int months(Work work, SplittableRandom random) {
        return switch (work) {
            case OUT_OF_PROVINCE, IN_PROVINCE -> between(random, 6, 12);
            case LOCAL_JOB -> between(random, 3, 12);
            case SELF_EMPLOYED -> between(random, 6, 12);
            case FARMING, UNEMPLOYED, NOT_WORKING -> 0;
        };
    }
}
