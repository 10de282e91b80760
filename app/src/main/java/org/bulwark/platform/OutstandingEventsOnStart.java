package org.bulwark.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Runs again, once the platform is up, what its durable listeners had not completed when it last stopped (a crash, a
 * {@code kill -9}, a listener that failed): every incomplete publication of the event publication registry. In place
 * of the library's own republishing at start ({@code spring.modulith.events.republish-outstanding-events-on-restart},
 * left off), which skips a publication the last start had already handed out again but not begun.
 * {@code bulwark.events.resubmit-on-start=false} turns it off (the command line's tasks do: they may run beside a
 * serving platform, whose publications in flight they must not run a second time).
 */
@Component
@ConditionalOnProperty(name = "bulwark.events.resubmit-on-start", havingValue = "true", matchIfMissing = true)
public class OutstandingEventsOnStart {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEventsOnStart.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;

    OutstandingEventsOnStart(IncompleteEventPublications incomplete, JdbcClient jdbc) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
    }

    /** Hands every incomplete publication to its listener again; the platform does so once it is up. */
    @EventListener(ApplicationReadyEvent.class)
    public void resubmit() {
        // a publication marked RESUBMITTED is one a start handed to its listener; the registry never hands it out
        // again (so that two running instances do not both take it). This platform is the only one on its database
        // and has handed out nothing yet: such a row is left over from a start that died before the listener began
        int stranded = jdbc.sql("update event_publication set status = 'FAILED' "
                        + "where status = 'RESUBMITTED' and completion_date is null")
                .update();
        long outstanding = jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
        if (outstanding > 0) {
            log.info(
                    "Running again {} event publication(s) left incomplete ({} handed out by an earlier start)",
                    outstanding,
                    stranded);
            incomplete.resubmitIncompletePublications(publication -> true);
        }
    }
}
