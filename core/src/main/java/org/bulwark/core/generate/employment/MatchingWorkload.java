package org.bulwark.core.generate.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.bulwark.core.employment.JobWishes;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;

/**
 * A province's labourers and postings for the matching benchmark and tests, the same for the same seed: labourers
 * spread over the villages of a {@link ProvinceShape} in households of one to three; most postings in county seats
 * and prefecture cities (the provincial capital paying most), assistance workshops in villages.
 */
public record MatchingWorkload(ProvinceShape shape, List<LabourerProfile> labourers, List<OpenPosting> postings) {

    /** Generates {@code labourers} labourers and {@code postings} postings, open or not on {@code day}. */
    public static MatchingWorkload generate(int labourers, int postings, long seed, LocalDate day) {
        SplittableRandom random = new SplittableRandom(seed);
        return generate(ProvinceShape.draw(random), labourers, postings, random, day);
    }

    /** The same over a given shape, e.g. {@link ProvinceShape#of} the real villages of a province. */
    public static MatchingWorkload generate(
            ProvinceShape shape, int labourers, int postings, long seed, LocalDate day) {
        return generate(shape, labourers, postings, new SplittableRandom(seed), day);
    }

    private static MatchingWorkload generate(
            ProvinceShape shape, int labourers, int postings, SplittableRandom random, LocalDate day) {
        return new MatchingWorkload(
                shape,
                LabourerDraw.labourers(shape, labourers, random.split()),
                postings(shape, postings, random.split(), day));
    }

    private static List<OpenPosting> postings(ProvinceShape shape, int count, SplittableRandom random, LocalDate day) {
        List<OpenPosting> postings = new ArrayList<>(count);
        List<ProvinceShape.County> cities = shape.cities();
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            long id = i + 1L;
            if (u < 0.15) {
                postings.add(town(id, pick(cities.get(0).seat(), random), 4000, random, day));
            } else if (u < 0.45) {
                postings.add(town(id, pick(pick(cities, random).seat(), random), 3500, random, day));
            } else if (u < 0.85) {
                postings.add(town(id, pick(pick(shape.counties(), random).seat(), random), 3000, random, day));
            } else {
                postings.add(workshop(id, pick(shape.villages(), random), random, day));
            }
        }
        return postings;
    }

    private static final WorkKind[] TOWN_KINDS = {
        WorkKind.MANUFACTURING,
        WorkKind.MANUFACTURING,
        WorkKind.MANUFACTURING,
        WorkKind.CONSTRUCTION,
        WorkKind.CONSTRUCTION,
        WorkKind.CATERING_AND_SERVICES,
        WorkKind.CATERING_AND_SERVICES,
        WorkKind.DOMESTIC_AND_CARE,
        WorkKind.LOGISTICS,
        WorkKind.PUBLIC_SERVICE,
        WorkKind.OTHER
    };

    private static final WorkKind[] WORKSHOP_KINDS = {WorkKind.HANDICRAFT, WorkKind.MANUFACTURING, WorkKind.AGRICULTURE
    };

    private static OpenPosting town(long id, RegionCode place, int base, SplittableRandom random, LocalDate day) {
        Set<Skill> skills = requiredSkills(random);
        int wage = base + 500 * skills.size() + 100 * random.nextInt(26);
        return posting(id, place, pick(TOWN_KINDS, random), skills, wage, random, day);
    }

    private static OpenPosting workshop(long id, RegionCode place, SplittableRandom random, LocalDate day) {
        Set<Skill> skills = random.nextDouble() < 0.8 ? Set.of() : Set.of(pick(Skill.values(), random));
        int wage = 1800 + 100 * random.nextInt(15);
        return posting(id, place, pick(WORKSHOP_KINDS, random), skills, wage, random, day);
    }

    private static OpenPosting posting(
            long id,
            RegionCode place,
            WorkKind kind,
            Set<Skill> skills,
            int wage,
            SplittableRandom random,
            LocalDate day) {
        int openings = random.nextDouble() < 0.05 ? 0 : 1 + random.nextInt(30);
        LocalDate from = day.minusDays(random.nextInt(150));
        double u = random.nextDouble();
        LocalDate to = u < 0.15 ? null : u < 0.25 ? day.minusDays(1) : day.plusDays(1 + random.nextInt(180));
        if (to != null && to.isBefore(from)) {
            to = from;
        }
        return new OpenPosting(
                id, 1 + id / 8, place, kind, skills, wage, 40 + 4 * random.nextInt(4), openings, from, to);
    }

    /** None for half the postings, one for a third, two for the rest. */
    private static Set<Skill> requiredSkills(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.5 ? Set.of() : u < 0.85 ? EnumSet.of(pick(Skill.values(), random)) : twoSkills(random);
    }

    static Set<Skill> twoSkills(SplittableRandom random) {
        EnumSet<Skill> skills = EnumSet.of(pick(Skill.values(), random));
        skills.add(pick(Skill.values(), random));
        return skills;
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    static <T> T pick(T[] array, SplittableRandom random) {
        return array[random.nextInt(array.length)];
    }

    /** Labourers drawn household by household. */
    static final class LabourerDraw {

        private static final Reach[] ABLE_REACH = {
            Reach.VILLAGE,
            Reach.TOWNSHIP,
            Reach.TOWNSHIP,
            Reach.COUNTY,
            Reach.COUNTY,
            Reach.COUNTY,
            Reach.COUNTY,
            Reach.PREFECTURE,
            Reach.PREFECTURE,
            Reach.PROVINCE,
            Reach.PROVINCE,
            Reach.ANYWHERE
        };
        private static final Reach[] WEAK_REACH = {Reach.VILLAGE, Reach.VILLAGE, Reach.TOWNSHIP};

        private LabourerDraw() {}

        static List<LabourerProfile> labourers(ProvinceShape shape, int count, SplittableRandom random) {
            List<LabourerProfile> labourers = new ArrayList<>(count);
            long household = 0;
            while (labourers.size() < count) {
                household++;
                RegionCode village = pick(shape.villages(), random);
                int members = Math.min(count - labourers.size(), 1 + random.nextInt(3));
                for (int m = 0; m < members; m++) {
                    labourers.add(labourer(labourers.size() + 1L, household, village, random));
                }
            }
            return labourers;
        }

        private static LabourerProfile labourer(long id, long household, RegionCode village, SplittableRandom random) {
            LabourCapacity capacity = random.nextDouble() < 0.85 ? LabourCapacity.ABLE : LabourCapacity.WEAK;
            Integer wage = random.nextDouble() < 0.45 ? 1500 + 100 * random.nextInt(36) : null;
            Reach reach = pick(capacity == LabourCapacity.ABLE ? ABLE_REACH : WEAK_REACH, random);
            Integer minWage = random.nextDouble() < 0.5 ? null : 1800 + 100 * random.nextInt(28);
            JobWishes wishes = new JobWishes(reach, kinds(random), minWage);
            return new LabourerProfile(id, household, village, skills(random), wage, wishes, capacity);
        }

        private static Set<Skill> skills(SplittableRandom random) {
            double u = random.nextDouble();
            if (u < 0.45) {
                return Set.of();
            }
            Set<Skill> skills = u < 0.8 ? EnumSet.of(pick(Skill.values(), random)) : twoSkills(random);
            if (u > 0.95) {
                skills.add(pick(Skill.values(), random));
            }
            return skills;
        }

        /** Any kind for a little over half the labourers, else one to three kinds. */
        private static Set<WorkKind> kinds(SplittableRandom random) {
            if (random.nextDouble() < 0.55) {
                return Set.of();
            }
            EnumSet<WorkKind> kinds = EnumSet.noneOf(WorkKind.class);
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                kinds.add(pick(WorkKind.values(), random));
            }
            return kinds;
        }
    }
}
