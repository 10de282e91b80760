package org.bulwark.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.core.employment.EmploymentWords;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.ProvinceMatching;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.region.RegionCode;
import org.bulwark.employment.RegionMatching;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark employment match --region <code>}: every labourer of a region matched to the open postings at once
 * ({@link RegionMatching}), the counts and each step's time printed, each labourer's best few written to a CSV file
 * when asked.
 */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = "Match every labourer living in a region (e.g. a whole province) to the postings open on the "
                + "day, by the same rules as a labourer's page (docs/employment.md): prints how many labourers, "
                + "postings and matches, and how long reading, indexing and matching took; with --out, writes each "
                + "labourer's best --top postings to a CSV file (UTF-8 with BOM). Reads only; stores nothing.")
class EmploymentMatchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--region", required = true, description = "region code (2–12 digits), e.g. 52 or 522324")
    String region;

    @Option(names = "--top", defaultValue = "5", description = "postings kept per labourer (default: ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--threads",
            description = "matching threads (default: the number of processors)",
            defaultValue = "0")
    int threads;

    @Option(names = "--day", description = "match as of this day, yyyy-mm-dd (default: today)")
    LocalDate day;

    @Option(
            names = "--out",
            description = "CSV file for the matches: 人员编号,名次,岗位编号,距离 (one row per match; default: none)")
    Path out;

    @Override
    public Integer call() throws IOException {
        Optional<RegionCode> code = RegionCode.tryParse(region);
        if (code.isEmpty() || top < 1) {
            System.err.println(
                    "employment match: " + (top < 1 ? "--top is at least 1" : "not a region code: " + region));
            return 2;
        }
        int threadCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        LocalDate on = day != null ? day : LocalDate.now();
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties);
                Writer file = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ProvinceMatching.Sink sink = file == null ? (l, m) -> {} : csv(file);
            RegionMatching.Outcome outcome =
                    context.getBean(RegionMatching.class).run(code.get(), on, top, threadCount, sink);
            print(outcome, threadCount);
            if (file != null) {
                System.out.println("matches written to " + out);
            }
            return 0;
        }
    }

    /** Prints the counts and the phases (the benchmark reads the same through {@link RegionMatching.Outcome}). */
    static void print(RegionMatching.Outcome o, int threads) {
        RegionMatching.Phases p = o.phases();
        System.out.printf(
                "Matching of %s on %s: %,d labourers, %,d postings open (under '%s'), %,d matches, %,d labourers "
                        + "without any, %,d index lookups%n",
                o.region().value(),
                o.day(),
                o.labourers(),
                o.postingsOpen(),
                o.postingsPrefix(),
                o.matches(),
                o.unmatched(),
                o.lookups());
        StringBuilder reaches = new StringBuilder("matches by reach:");
        for (Reach r : Reach.values()) {
            reaches.append(String.format(" %s %,d", EmploymentWords.word(r), o.byReach()[r.ordinal()]));
        }
        System.out.println(reaches);
        System.out.printf(
                "read labourers %.2f s, read postings %.2f s, index %.2f s, match (%d threads) %.2f s; in all %.2f s%n",
                p.readLabourers(), p.readPostings(), p.index(), threads, p.match(), p.total());
    }

    private static ProvinceMatching.Sink csv(Writer file) throws IOException {
        BufferedWriter w = (BufferedWriter) file;
        w.write("\uFEFF人员编号,名次,岗位编号,距离\n");
        return (LabourerProfile l, List<Match> matches) -> {
            StringBuilder rows = new StringBuilder();
            for (int rank = 0; rank < matches.size(); rank++) {
                Match m = matches.get(rank);
                rows.append(l.personId())
                        .append(',')
                        .append(rank + 1)
                        .append(',')
                        .append(m.posting().id())
                        .append(',')
                        .append(EmploymentWords.word(m.reach()))
                        .append('\n');
            }
            synchronized (w) {
                try {
                    w.append(rows);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
