package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The dashboard's figure threads are a bean of the context: made with it, shut down with it, beside Boot's own. */
class FigureThreadsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withUserConfiguration(FigureThreads.class);

    @Test
    void theThreadsStopWhenTheContextCloses() throws InterruptedException {
        ThreadPoolTaskExecutor[] threads = new ThreadPoolTaskExecutor[1];
        context.run(started -> {
            threads[0] = started.getBean(FigureThreads.BEAN, ThreadPoolTaskExecutor.class);
            threads[0].submit(() -> {}).get();
            assertThat(threads[0].getThreadPoolExecutor().isShutdown()).isFalse();
        });
        // shut down with the context; its idle threads end a moment later, on their own
        assertThat(threads[0].getThreadPoolExecutor().isShutdown()).isTrue();
        assertThat(threads[0].getThreadPoolExecutor().awaitTermination(10, TimeUnit.SECONDS))
                .isTrue();
    }

    @Test
    void bootKeepsItsApplicationTaskExecutorForEverythingElse() {
        context.run(started -> {
            assertThat(started).hasBean("applicationTaskExecutor");
            // an Executor asked for by type is Boot's, not the dashboard's
            assertThat(started.getBean(Executor.class)).isSameAs(started.getBean("applicationTaskExecutor"));
        });
    }

    @Test
    void theThreadsAreNamedAndDoNotHoldTheProcessOpen() throws Exception {
        context.run(started -> {
            ThreadPoolTaskExecutor threads = started.getBean(FigureThreads.BEAN, ThreadPoolTaskExecutor.class);
            Thread thread = threads.submit(Thread::currentThread).get();
            assertThat(thread.getName()).startsWith("dashboard-figures");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(threads.getCorePoolSize())
                    .isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        });
    }
}
