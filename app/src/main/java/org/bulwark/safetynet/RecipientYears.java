package org.bulwark.safetynet;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries allowance and support into a new year: a spell without an end date runs on, but recipients are only
 * written when civil-affairs records arrive, so on the first days of a year no household would count as receiving
 * anything until the next batch. After a start and every night, the households whose latest year goes on
 * ({@code continues}, V88) and lies before this year are recomputed from their records, as a batch would.
 * {@code bulwark.safety-net.new-year.enabled=false} turns it off (the tests run it themselves).
 */
@Component
class RecipientYears {

    private static final Logger log = LoggerFactory.getLogger(RecipientYears.class);
    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final Clock clock;
    private final boolean enabled;

    RecipientYears(
            JdbcClient jdbc,
            Recipients recipients,
            Clock clock,
            @Value("${bulwark.safety-net.new-year.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (enabled) {
            Thread thread = new Thread(this::nightly, "safety-net-new-year");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Scheduled(cron = "${bulwark.safety-net.new-year.cron:0 20 0 * * *}")
    void nightly() {
        if (!enabled) {
            return;
        }
        try {
            int households = carryIntoThisYear();
            if (households > 0) {
                log.info("Carried the allowance and support of {} household(s) into the new year", households);
            }
        } catch (RuntimeException e) {
            // tried again the next night; the figures of the new year wait for it or for the next batch
            log.warn("Carrying allowance and support into the new year failed", e);
        }
    }

    /** Recomputes every household whose spell goes on past its latest stored year; how many there were. */
    int carryIntoThisYear() {
        int year = LocalDate.now(clock).getYear();
        int done = 0;
        List<Long> households;
        long after = 0;
        while (!(households = waiting(year, after)).isEmpty()) {
            recipients.refresh(households, "");
            done += households.size();
            after = households.get(households.size() - 1);
        }
        return done;
    }

    private List<Long> waiting(int year, long after) {
        return jdbc.sql("""
                select distinct r.household_id from safety_net_recipient r
                where r.continues and r.year < :y and r.household_id > :after
                  and not exists (select 1 from safety_net_recipient later
                                  where later.household_id = r.household_id and later.kind = r.kind
                                    and later.year > r.year)
                order by r.household_id
                limit :n
                """)
                .param("y", year)
                .param("after", after)
                .param("n", CHUNK)
                .query(Long.class)
                .list();
    }
}
