package org.bulwark.core.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;

/**
 * Generates a synthetic registry of rural households, one at a time, so a run of millions never sits in memory.
 *
 * <p>Each call to {@link #households()} starts again from the seed, so the same settings always give the same
 * households in the same order: villages in the given order, serials 0001, 0002… within each village. Only the set of
 * identity numbers already issued (a bit set, a few megabytes) is kept while streaming.
 */
public final class HouseholdGenerator {

    private static final int SERIAL_DIGITS = 4;

    private final GeneratorSettings settings;

    /** A generator for the given settings. */
    public HouseholdGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings this generator uses. */
    public GeneratorSettings settings() {
        return settings;
    }

    /** A fresh, lazy, ordered stream of all {@code settings().households()} households. */
    public Stream<GeneratedHousehold> households() {
        Spliterator<GeneratedHousehold> spliterator = Spliterators.spliterator(
                new Households(),
                settings.households(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    /** The households of one run, drawn in order from one random source. */
    private final class Households implements Iterator<GeneratedHousehold> {

        private final SplittableRandom random = new SplittableRandom(settings.seed());
        private final int[] perVillage = VillageAllocation.counts(
                settings.households(),
                settings.villageCodes().size(),
                GeneratorSettings.MAX_HOUSEHOLDS_PER_VILLAGE,
                random);
        private final PersonSampler persons =
                new PersonSampler(settings.asOf(), new IdentityNumberIssuer(settings.countyCode()));
        private final IncomeSampler incomes =
                new IncomeSampler(settings.monitoringLine(), settings.asOf().getYear() - 1);
        private int produced;
        private int village;
        private int serial;

        @Override
        public boolean hasNext() {
            return produced < settings.households();
        }

        @Override
        public GeneratedHousehold next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            while (serial == perVillage[village]) {
                village++;
                serial = 0;
            }
            serial++;
            produced++;
            String villageCode = settings.villageCodes().get(village);
            return household(villageCode, householdNumber(villageCode, serial));
        }

        private GeneratedHousehold household(String villageCode, String householdNumber) {
            List<MemberSketch> sketches = HouseholdComposer.compose(random);
            List<GeneratedPerson> members = new ArrayList<>(sketches.size());
            for (MemberSketch sketch : sketches) {
                members.add(persons.draw(sketch, random));
            }
            HouseholdCategory category = category(members);
            return new GeneratedHousehold(
                    householdNumber,
                    villageCode,
                    category,
                    ContactSampler.address(random),
                    ContactSampler.phone(random),
                    members,
                    incomes.draw(category, members, random));
        }

        /**
         * About 30% formerly poor and 4% monitored overall; households with serious illness, severe disability or no
         * one able to work are more likely to be either, as they are in the real registers.
         */
        private HouseholdCategory category(List<GeneratedPerson> members) {
            boolean atRisk = true;
            for (GeneratedPerson member : members) {
                if (member.labourCapacity() == LabourCapacity.ABLE) {
                    atRisk = false;
                }
            }
            for (GeneratedPerson member : members) {
                if (member.health() == Health.SERIOUS_ILLNESS
                        || member.disability() == Disability.GRADE_1
                        || member.disability() == Disability.GRADE_2) {
                    atRisk = true;
                }
            }
            double monitored = atRisk ? 0.08 : 0.028;
            double formerlyPoor = atRisk ? 0.36 : 0.27;
            double u = random.nextDouble();
            if (u < monitored) {
                return HouseholdCategory.MONITORED;
            }
            return u < monitored + formerlyPoor ? HouseholdCategory.FORMERLY_POOR : HouseholdCategory.ORDINARY;
        }
    }

    private static String householdNumber(String villageCode, int serial) {
        char[] number = new char[villageCode.length() + SERIAL_DIGITS];
        villageCode.getChars(0, villageCode.length(), number, 0);
        int n = serial;
        for (int i = number.length - 1; i >= villageCode.length(); i--) {
            number[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return new String(number);
    }
}
