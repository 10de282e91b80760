package org.bulwark.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's clock: the system clock, unless this thread has been set to another day. Tests fix time with it, and
 * the demo replays a county's history through the real services (a case discovered in March is decided in March).
 */
public final class SwitchableClock extends Clock {

    private static final ThreadLocal<Instant> OVERRIDE = new ThreadLocal<>();

    private final Clock system;

    public SwitchableClock(Clock system) {
        this.system = system;
    }

    /** Sets this thread's time to noon of {@code day} until the returned handle is closed. */
    public AutoCloseableTime at(LocalDate day) {
        return at(day.atTime(12, 0).atZone(system.getZone()).toInstant());
    }

    /** Sets this thread's time to {@code instant} until the returned handle is closed. */
    public AutoCloseableTime at(Instant instant) {
        Instant previous = OVERRIDE.get();
        OVERRIDE.set(instant);
        return () -> {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        };
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SwitchableClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        Instant fixed = OVERRIDE.get();
        return fixed != null ? fixed : system.instant();
    }

    /** The handle of {@link #at}: closing it gives the thread its previous time back. */
    public interface AutoCloseableTime extends AutoCloseable {
        @Override
        void close();
    }
}
