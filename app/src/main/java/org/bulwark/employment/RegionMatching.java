package org.bulwark.employment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.PostingIndex;
import org.bulwark.core.employment.ProvinceMatching;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every labourer of a region matched at once (docs/employment.md, "Matching a whole province"): the region's
 * labourers and the open postings within their reach read from this module's tables by COPY, the core's
 * {@link PostingIndex} built over the postings and {@link ProvinceMatching} run on them, each labourer's best few
 * handed to the caller as found. The same rules as one labourer's page ({@link JobMatches}); only labourers living
 * in the region are read. A batch of the system (command line, benchmark), not of a signed-in user: the caller names
 * the region.
 */
@Service
public class RegionMatching {

    /** How long each step took, in seconds. */
    public record Phases(double readLabourers, double readPostings, double index, double match) {
        public double total() {
            return readLabourers + readPostings + index + match;
        }
    }

    /**
     * What a run did.
     *
     * @param postingsPrefix the region prefix the postings were read under ("" for everywhere): the widest reach
     *     any labourer of the region wishes
     * @param byReach matches by reach, indexed by {@link Reach#ordinal()}
     * @param lookups index searches (labourers of a village with the same wishes and skills share one)
     */
    public record Outcome(
            RegionCode region,
            LocalDate day,
            long labourers,
            String postingsPrefix,
            long postingsOpen,
            long matches,
            long unmatched,
            long lookups,
            long[] byReach,
            Phases phases) {}

    private final DataSource dataSource;

    RegionMatching(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Matches every labourer living in {@code region} against the postings open on {@code day}, the best
     * {@code top} each, on {@code threads} threads; {@code sink} takes each labourer's matches, best first, from
     * several threads at once. Labourers and postings are read in one snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Outcome run(RegionCode region, LocalDate day, int top, int threads, ProvinceMatching.Sink sink) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            MatchingCopyReader reader = new MatchingCopyReader();
            long t = System.nanoTime();
            List<LabourerProfile> labourers = new ArrayList<>();
            reader.labourers(connection, region.prefix(), labourers::add);
            double readLabourers = seconds(t);
            t = System.nanoTime();
            String within = postingsPrefix(region, labourers);
            List<OpenPosting> postings = new ArrayList<>();
            reader.openPostings(connection, within, day, postings);
            double readPostings = seconds(t);
            t = System.nanoTime();
            PostingIndex index = PostingIndex.build(postings, day);
            double indexed = seconds(t);
            t = System.nanoTime();
            LongAdder[] byReach = new LongAdder[Reach.values().length];
            for (int i = 0; i < byReach.length; i++) {
                byReach[i] = new LongAdder();
            }
            ProvinceMatching.Outcome done = ProvinceMatching.run(labourers, index, top, threads, (l, matches) -> {
                for (Match m : matches) {
                    byReach[m.reach().ordinal()].increment();
                }
                sink.accept(l, matches);
            });
            long[] reaches = new long[byReach.length];
            for (int i = 0; i < reaches.length; i++) {
                reaches[i] = byReach[i].sum();
            }
            return new Outcome(
                    region,
                    day,
                    done.labourers(),
                    within,
                    index.size(),
                    done.matches(),
                    done.unmatched(),
                    done.lookups(),
                    reaches,
                    new Phases(readLabourers, readPostings, indexed, seconds(t)));
        } catch (SQLException e) {
            throw new IllegalStateException("reading labourers and postings of " + region + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The prefix every posting some labourer of the region may take starts with: the region's own, widened to the
     * farthest reach any of them wishes (a county's labourers who would go anywhere in the province need the
     * province's postings; one who would go anywhere, every posting).
     */
    static String postingsPrefix(RegionCode region, List<LabourerProfile> labourers) {
        Reach farthest = Reach.VILLAGE;
        for (LabourerProfile l : labourers) {
            if (l.wishes().farthest().compareTo(farthest) > 0) {
                farthest = l.wishes().farthest();
            }
        }
        if (farthest == Reach.ANYWHERE) {
            return "";
        }
        int digits = switch (farthest) {
            case VILLAGE -> RegionLevel.VILLAGE.digits();
            case TOWNSHIP -> RegionLevel.TOWNSHIP.digits();
            case COUNTY -> RegionLevel.COUNTY.digits();
            case PREFECTURE -> RegionLevel.PREFECTURE.digits();
            default -> RegionLevel.PROVINCE.digits();
        };
        String own = region.prefix();
        return own.substring(0, Math.min(own.length(), digits));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
