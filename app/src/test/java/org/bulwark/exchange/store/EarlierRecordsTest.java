package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The earlier hashes of several parts, merged: every one of them is found, and no other. */
class EarlierRecordsTest {

    @Test
    void everyHashOfEveryRunIsFoundAndNoOther() {
        Random random = new Random(3);
        List<long[][]> runs = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        for (int size : new int[] {0, 1, 5000, 20000, 3}) {
            StoredHashes run = new StoredHashes();
            for (int i = 0; i < size; i++) {
                long high = random.nextLong();
                long low = random.nextLong();
                run.add(high, low);
                all.add(new long[] {high, low});
            }
            byte[] sorted = StoredHashes.bytes(run.sortedRun());
            long[] high = new long[size];
            long[] low = new long[size];
            for (int i = 0; i < size; i++) {
                high[i] = RecordRows.longAt(sorted, 16 * i);
                low[i] = RecordRows.longAt(sorted, 16 * i + 8);
            }
            runs.add(new long[][] {high, low});
        }
        // hashes at the ends of the order, and two sharing their leading half
        runs.add(new long[][] {{0, 0, 7, -1}, {0, 1, 9, -1}});
        all.add(new long[] {0, 0});
        all.add(new long[] {0, 1});
        all.add(new long[] {7, 9});
        all.add(new long[] {-1, -1});
        EarlierRecords earlier = EarlierRecords.ofRuns(runs);
        assertThat(earlier.size()).isEqualTo(all.size());
        for (long[] hash : all) {
            assertThat(holds(earlier, hash[0], hash[1])).isTrue();
        }
        for (long[] hash : all) {
            assertThat(holds(earlier, hash[0], hash[1] + 2))
                    .as("a hash next to one held")
                    .isFalse();
        }
        assertThat(holds(earlier, 7, 8)).isFalse();
        assertThat(holds(EarlierRecords.ofRuns(List.of()), 0, 0)).isFalse();

        // a chunk at once: the held hashes and their neighbours, shuffled, give what one lookup at a time gives
        List<long[]> asked = new ArrayList<>();
        for (long[] hash : all) {
            asked.add(hash);
            asked.add(new long[] {hash[0], hash[1] + 2});
            asked.add(new long[] {hash[0] ^ Long.MIN_VALUE, hash[1]});
        }
        Collections.shuffle(asked, random);
        long[] high = asked.stream().mapToLong(h -> h[0]).toArray();
        long[] low = asked.stream().mapToLong(h -> h[1]).toArray();
        boolean[] found = new boolean[asked.size()];
        earlier.containsAll(high, low, asked.size(), new int[asked.size()], found);
        int hits = 0;
        for (int i = 0; i < asked.size(); i++) {
            long askedHigh = high[i];
            long askedLow = low[i];
            boolean held = all.stream().anyMatch(h -> h[0] == askedHigh && h[1] == askedLow);
            assertThat(found[i]).as("hash %d", i).isEqualTo(held);
            hits += found[i] ? 1 : 0;
        }
        assertThat(hits).isGreaterThanOrEqualTo(all.size());

        // the same runs in two levels (one kept from earlier batches, one new): the same answers
        EarlierRecords levels = EarlierRecords.ofLevels(List.of(runs.subList(0, 3), runs.subList(3, runs.size())));
        assertThat(levels.size()).isEqualTo(all.size());
        boolean[] inLevels = new boolean[asked.size()];
        Arrays.fill(inLevels, true);
        levels.containsAll(high, low, asked.size(), new int[asked.size()], inLevels);
        for (int i = 0; i < asked.size(); i++) {
            assertThat(inLevels[i]).as("hash %d in two levels", i).isEqualTo(found[i]);
            assertThat(holds(levels, high[i], low[i])).isEqualTo(found[i]);
        }
    }

    /** One hash looked up as a chunk of one. */
    private static boolean holds(EarlierRecords earlier, long high, long low) {
        boolean[] found = new boolean[1];
        earlier.containsAll(new long[] {high}, new long[] {low}, 1, new int[1], found);
        return found[0];
    }
}
