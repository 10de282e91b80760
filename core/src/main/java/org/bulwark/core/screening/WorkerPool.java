package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The worker threads of one screening run: daemon threads, stopped when the run ends. */
final class WorkerPool implements AutoCloseable {

    private final int threads;
    private final ExecutorService executor;

    WorkerPool(int threads) {
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "screening-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the tasks on the workers; results in task order. */
    <T> List<T> invokeAll(List<Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(executor.submit(task)));
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(join(future));
        }
        return results;
    }

    /**
     * Processes chunks {@code 0..chunks-1}: each worker makes its own processor (its own buffers) and takes the next
     * chunk until none is left. Results are stored by chunk number, so their order does not depend on timing.
     */
    <T> List<T> forEachChunk(int chunks, Supplier<IntFunction<T>> processors) {
        Object[] results = new Object[chunks];
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, chunks); w++) {
            workers.add(() -> {
                IntFunction<T> processor = processors.get();
                for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                    results[chunk] = processor.apply(chunk);
                }
                return null;
            });
        }
        invokeAll(workers);
        @SuppressWarnings("unchecked")
        List<T> ordered = (List<T>) Arrays.asList(results);
        return ordered;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screening was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
