package org.bulwark.core.employment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every labourer of a province matched against the {@link PostingIndex}: the best {@code top} postings each, handed
 * to a {@link Sink} as they are found so the caller can write them away (e.g. COPY into PostgreSQL) without the
 * province's matches ever being held at once.
 *
 * <p>Labourers are taken village by village, several threads at a time; within a village, labourers with the same
 * wish and skills get the same postings, which are looked up once.
 */
public final class ProvinceMatching {

    /** Villages a thread takes at a time: enough to keep the shared counter cold, few enough to balance threads. */
    private static final int VILLAGES_PER_TASK = 16;

    /**
     * Takes each labourer's matches, best first (possibly none). Called from several threads at once, so it must be
     * thread-safe; it may be called in any order of labourers.
     */
    @FunctionalInterface
    public interface Sink {
        void accept(LabourerProfile labourer, List<Match> matches);
    }

    /**
     * What a run did.
     *
     * @param lookups index searches made: one per distinct wish and skills within a village
     */
    public record Outcome(long labourers, long matches, long unmatched, long lookups) {
        Outcome plus(Outcome o) {
            return new Outcome(
                    labourers + o.labourers, matches + o.matches, unmatched + o.unmatched, lookups + o.lookups);
        }
    }

    private ProvinceMatching() {}

    /** Matches every one of {@code labourers} on {@code threads} threads, handing each one's matches to the sink. */
    public static Outcome run(List<LabourerProfile> given, PostingIndex index, int top, int threads, Sink sink) {
        // read by position from several threads: a linked list would make that quadratic
        List<LabourerProfile> labourers = given instanceof RandomAccess ? given : new ArrayList<>(given);
        VillageOrder villages = VillageOrder.of(labourers);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> work(labourers, villages, next, index, top, sink)));
            }
            Outcome total = new Outcome(0, 0, 0, 0);
            for (Future<Outcome> part : parts) {
                total = total.plus(part.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("matching interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("matching failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome work(
            List<LabourerProfile> labourers,
            VillageOrder villages,
            AtomicInteger next,
            PostingIndex index,
            int top,
            Sink sink) {
        Outcome done = new Outcome(0, 0, 0, 0);
        Map<PostingIndex.Wish, int[]> found = new HashMap<>();
        for (int first = next.getAndAdd(VILLAGES_PER_TASK);
                first < villages.count();
                first = next.getAndAdd(VILLAGES_PER_TASK)) {
            int last = Math.min(villages.count(), first + VILLAGES_PER_TASK);
            for (int village = first; village < last; village++) {
                found.clear(); // wishes are shared within a village only: home is part of the wish
                done = done.plus(village(labourers, villages, village, index, top, sink, found));
            }
        }
        return done;
    }

    private static Outcome village(
            List<LabourerProfile> labourers,
            VillageOrder villages,
            int village,
            PostingIndex index,
            int top,
            Sink sink,
            Map<PostingIndex.Wish, int[]> found) {
        long matches = 0;
        long unmatched = 0;
        int from = villages.start(village);
        int to = villages.start(village + 1);
        for (int k = from; k < to; k++) {
            LabourerProfile labourer = labourers.get(villages.labourer(k));
            int[] positions = found.computeIfAbsent(PostingIndex.Wish.of(labourer), w -> index.ranked(w, top));
            sink.accept(labourer, index.matches(labourer, positions));
            matches += positions.length;
            unmatched += positions.length == 0 ? 1 : 0;
        }
        return new Outcome(to - from, matches, unmatched, found.size());
    }

    /** The labourers' positions grouped by home village (a counting sort: linear, two int arrays). */
    private record VillageOrder(int[] starts, int[] order) {

        static VillageOrder of(List<LabourerProfile> labourers) {
            Map<String, Integer> ordinals = new HashMap<>();
            int[] villageOf = new int[labourers.size()];
            for (int i = 0; i < villageOf.length; i++) {
                villageOf[i] = ordinals.computeIfAbsent(labourers.get(i).home().value(), v -> ordinals.size());
            }
            int[] starts = new int[ordinals.size() + 1];
            for (int v : villageOf) {
                starts[v + 1]++;
            }
            for (int v = 0; v < ordinals.size(); v++) {
                starts[v + 1] += starts[v];
            }
            int[] order = new int[villageOf.length];
            int[] filled = starts.clone();
            for (int i = 0; i < villageOf.length; i++) {
                order[filled[villageOf[i]]++] = i;
            }
            return new VillageOrder(starts, order);
        }

        int count() {
            return starts.length - 1;
        }

        int start(int village) {
            return starts[village];
        }

        int labourer(int k) {
            return order[k];
        }
    }
}
