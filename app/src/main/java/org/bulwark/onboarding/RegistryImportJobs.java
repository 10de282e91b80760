package org.bulwark.onboarding;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.read.FileRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Registry imports run in the background for the page: a large file takes a minute to read, check and match, and as
 * long to store, which no browser should wait for in one request. Each upload is a job that previews and later
 * commits on a small pool of its own, as the user who started it, telling its phase and rows as it goes; the page polls
 * it. No transaction spans requests: the preview and the commit each run in their own, on the job's thread. The
 * upload is kept with its job (an hour, like the preview) so that the rows it refused can be handed back as a file.
 */
@Service
public class RegistryImportJobs {

    private static final Logger log = LoggerFactory.getLogger(RegistryImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_KEPT = 20;
    private static final int THREADS = 2;
    private static final int WAITING = 4;

    private final RegistryImports imports;
    private final RefusedRowsFiles refusedFiles;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    RegistryImportJobs(
            RegistryImports imports,
            CurrentUser currentUser,
            Clock clock,
            @Value("${bulwark.exchange.max-file-bytes:2147483648}") long maxBytes) {
        this.imports = imports;
        this.refusedFiles = new RefusedRowsFiles(maxBytes);
        this.currentUser = currentUser;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), task -> {
                    Thread thread = new Thread(task, "registry-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Where a job is. */
    public enum State {
        /** Reading, checking, matching or writing. */
        RUNNING,
        /** Previewed: waits for the user's confirmation. */
        PREVIEWED,
        /** Stored. */
        STORED,
        /** Refused or failed: {@link Job#error()} says why; nothing was stored. */
        FAILED
    }

    /** One upload's import: its progress while it runs, then its preview or result, or what went wrong. */
    public static final class Job implements ImportProgress {
        private final String id;
        private final String username;
        private final String fileName;
        private final String countyCode;
        private final Path upload;
        private final Instant at;
        private volatile State state = State.RUNNING;
        private volatile Phase phase = Phase.READING;
        private volatile long rows;
        private volatile long written;
        private volatile String step;
        private volatile ImportPreview preview;
        private volatile String error;
        private volatile List<RowRefusal> refused = List.of();

        Job(String username, String fileName, String countyCode, Path upload, Instant at) {
            this.id = UUID.randomUUID().toString();
            this.username = username;
            this.fileName = fileName;
            this.countyCode = countyCode;
            this.upload = upload;
            this.at = at;
        }

        @Override
        public void accept(long rows) {
            this.rows = rows;
        }

        @Override
        public void phase(Phase phase) {
            this.phase = phase;
        }

        @Override
        public void written(long households) {
            this.written = households;
        }

        @Override
        public void step(String step) {
            this.step = step;
        }

        @Override
        public void refused(List<RowRefusal> rows) {
            this.refused = List.copyOf(rows);
        }

        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public String countyCode() {
            return countyCode;
        }

        public State state() {
            return state;
        }

        public Phase phase() {
            return phase;
        }

        /** The phases in order, for the page to show which are done. */
        public List<Phase> phases() {
            return List.of(Phase.values());
        }

        public long rows() {
            return rows;
        }

        public long written() {
            return written;
        }

        /** The step of the writing under way, in Chinese, or null before the households are sent. */
        public String step() {
            return step;
        }

        /** The preview (state PREVIEWED) or the import's result (STORED); else null. */
        public ImportPreview preview() {
            return preview;
        }

        /** Why the job failed, in Chinese (state FAILED); else null. */
        public String error() {
            return error;
        }

        /** How many rows the file of refused rows holds: every refused and withheld row, not only those listed. */
        public long refusedRows() {
            return refused.stream().mapToLong(RowRefusal::row).distinct().count();
        }

        public boolean running() {
            return state == State.RUNNING;
        }

        List<RowRefusal> refusedList() {
            return refused;
        }

        Path upload() {
            return upload;
        }

        /** Leaves PREVIEWED for RUNNING once, so that two clicks on 确认导入 commit once. */
        synchronized boolean startCommit() {
            if (state != State.PREVIEWED || preview == null || !preview.storable()) {
                return false;
            }
            state = State.RUNNING;
            phase = Phase.MATCHING;
            return true;
        }
    }

    /**
     * Starts previewing an upload, which the job then owns (and deletes when it is forgotten). The user's right to
     * import into the county is checked here, before anything runs, so that a refusal answers at once.
     */
    public Job preview(Path upload, String fileName, String countyCode) {
        BulwarkUser user = currentUser.require();
        try {
            imports.scopeFor(countyCode);
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
        forgetOld();
        Job job = new Job(user.getUsername(), fileName, countyCode.strip(), upload, Instant.now(clock));
        jobs.put(job.id, job);
        run(job, user, () -> {
            job.preview = imports.preview(upload, fileName, countyCode, job);
            job.state = State.PREVIEWED;
        });
        return job;
    }

    /** Starts storing a previewed job; a job not previewed (or already storing) is left as it is. */
    public Job commit(String jobId) {
        BulwarkUser user = currentUser.require();
        Job job = find(jobId);
        if (job.startCommit()) {
            String previewId = job.preview.id();
            run(job, user, () -> {
                job.preview = imports.commit(previewId, job);
                job.state = State.STORED;
            });
        }
        return job;
    }

    /** The user's own job; another's, or one forgotten, is not found. */
    public Job find(String jobId) {
        Job job = jobs.get(jobId);
        String username = currentUser.require().getUsername();
        if (job == null || !job.username.equals(username)) {
            throw new NotFoundException("registry import", jobId);
        }
        return job;
    }

    /**
     * Writes the rows the job's file had refused or withheld, as they were sent, in the file's own columns with the
     * row's number and the reason added; {@code xlsx} or {@code csv}. Health and disability values are left out for a
     * user who may not read them.
     */
    public void writeRefused(String jobId, String format, OutputStream out) throws IOException {
        Job job = find(jobId);
        boolean sensitive = currentUser.require().can(org.bulwark.identity.Role.Permission.READ_SENSITIVE_DATA);
        refusedFiles.write(job.upload, job.fileName, job.refused, sensitive, format, out);
    }

    /** A job's work, which may fail reading its file. */
    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private void run(Job job, BulwarkUser user, Work work) {
        try {
            executor.execute(() -> {
                try (var acting = CurrentUser.actAs(user)) {
                    work.run();
                } catch (IOException e) {
                    job.error = "文件读取失败：" + e.getMessage();
                    job.state = State.FAILED;
                } catch (RuntimeException e) {
                    job.error = message(e);
                    job.state = State.FAILED;
                }
            });
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            delete(job.upload);
            throw InvalidInputException.of("file", "busy", "文件：此刻已有 " + (THREADS + WAITING) + " 个导入在进行或排队，请稍后再试");
        }
    }

    /** What the page says when a job fails; nothing was stored, as the commit is one transaction. */
    private static String message(RuntimeException e) {
        if (e instanceof FileRejectedException) {
            return e.getMessage();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().get(0).message();
        }
        if (e instanceof NotFoundException) {
            return "预览已过期（保留一小时），请重新上传文件";
        }
        if (e instanceof AccessDeniedException) {
            return "无权导入这个县的户籍";
        }
        if (e instanceof UncheckedIOException io) {
            return "文件读取失败：" + io.getCause().getMessage();
        }
        log.error("registry import failed", e);
        return "导入失败（系统错误，已记入日志），没有存入任何数据";
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEPT);
        List<Job> finished = new ArrayList<>(jobs.values().stream()
                .filter(j -> !j.running())
                .sorted(Comparator.comparing(j -> j.at))
                .toList());
        for (Job j : finished) {
            if (j.at.isBefore(limit) || jobs.size() >= MAX_KEPT) {
                forget(j);
            }
        }
    }

    private void forget(Job job) {
        jobs.remove(job.id);
        delete(job.upload);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete upload {}: {}", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        jobs.values().forEach(j -> delete(j.upload));
    }
}
