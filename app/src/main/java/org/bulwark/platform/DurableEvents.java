package org.bulwark.platform;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Waits until the durable listeners of published events have completed, as the event publication registry records
 * it: a publication is written in the publishing transaction and deleted when its listener completed, so once the
 * publishing call has returned, "no incomplete publication left" means "done". For those who must see the outcome
 * before going on: the demo's seed, {@code ./bulwark import}, the benchmarks and tests.
 */
@Component
public class DurableEvents {

    private static final long LONGEST_PAUSE_MS = 50;

    private final EventPublicationRegistry registry;

    DurableEvents(EventPublicationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Waits until no publication of an event of this type that {@code which} accepts is incomplete; says whether. A
     * listener that failed leaves its publication incomplete (the next start runs it again): then this says false
     * at once rather than wait for nothing.
     */
    public <T> boolean awaitCompletion(Class<T> type, Predicate<? super T> which, Duration atMost) {
        return awaitNone(event -> type.isInstance(event) && which.test(type.cast(event)), atMost);
    }

    /** Waits until no publication at all is incomplete; says whether. */
    public boolean awaitAllCompleted(Duration atMost) {
        return awaitNone(event -> true, atMost);
    }

    private boolean awaitNone(Predicate<Object> event, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long pause = 1;
        for (List<EventPublication.Status> left = incomplete(event); !left.isEmpty(); left = incomplete(event)) {
            if (left.stream().allMatch(EventPublication.Status.FAILED::equals) || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            // short at first: a re-screening after a small batch takes tens of milliseconds
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
        return true;
    }

    private List<EventPublication.Status> incomplete(Predicate<Object> event) {
        return registry.findIncompletePublications().stream()
                .filter(p -> event.test(p.getEvent()))
                .map(EventPublication::getStatus)
                .toList();
    }
}
