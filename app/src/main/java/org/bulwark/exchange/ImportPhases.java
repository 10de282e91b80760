package org.bulwark.exchange;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an import's time went, phase by phase, for the log and for {@code ./bulwark bench-import}. Phases are
 * measured on the importing thread; "read, checked and copied" overlaps with the reading thread and with PostgreSQL
 * storing the rows. {@link #cpu} records what the other threads of the import used.
 */
public final class ImportPhases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
    private final Map<String, Long> ownCpuNanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();
    private long cpuMark = threadCpu();

    /** Records the CPU time a thread of the import used (the reading thread, the copying thread…). */
    public void cpu(String thread, long threadCpuNanos) {
        cpuNanos.merge(thread, threadCpuNanos, Long::sum);
    }

    /** Milliseconds of CPU per thread of the import, as recorded by {@link #cpu}. */
    public Map<String, Long> cpuMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        cpuNanos.forEach((thread, n) -> millis.put(thread, n / 1_000_000));
        return millis;
    }

    /** Ends the current phase under this name (adding to it when it ran before) and starts the next one. */
    public void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
        long cpu = threadCpu();
        ownCpuNanos.merge(phase, Math.max(0, cpu - cpuMark), Long::sum);
        cpuMark = cpu;
    }

    /**
     * CPU milliseconds of the thread that ran each phase (the importing thread; a phase that ends on another thread,
     * after the commit, counts that thread's time since its own last mark, which is meaningless, so only phases that
     * used some are listed).
     */
    public Map<String, Long> phaseCpuMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        ownCpuNanos.forEach((phase, n) -> {
            if (n >= 1_000_000) {
                millis.put(phase, n / 1_000_000);
            }
        });
        return millis;
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Adds time measured elsewhere to a phase, without ending the current one. */
    public void add(String phase, long phaseNanos) {
        nanos.merge(phase, phaseNanos, Long::sum);
    }

    /** Milliseconds per phase, in the order the phases first ended. */
    public Map<String, Long> millis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        nanos.forEach((phase, n) -> millis.put(phase, n / 1_000_000));
        return millis;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        millis().forEach((phase, ms) -> text.append(text.isEmpty() ? "" : ", ")
                .append(phase)
                .append(' ')
                .append(ms)
                .append(" ms"));
        return text.toString();
    }
}
