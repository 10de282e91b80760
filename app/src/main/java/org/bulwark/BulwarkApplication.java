package org.bulwark;

import java.time.Clock;
import org.bulwark.platform.SwitchableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application; started by {@code org.bulwark.cli.BulwarkCli} ({@code ./bulwark demo}, {@code ./bulwark serve}). */
@SpringBootApplication
public class BulwarkApplication {

    @Bean
    SwitchableClock clock() {
        return new SwitchableClock(Clock.systemDefaultZone());
    }
}
