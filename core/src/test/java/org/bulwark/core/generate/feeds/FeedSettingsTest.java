package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.generate.feeds.FeedFixtures.AS_OF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

    @Test
    void aimsAtTheDemoVolumeUnlessToldOtherwise() {
        FeedSettings settings = new FeedSettings(1L, AS_OF, 0.08, 0.01, 0.02);

        assertThat(settings.recordsPerPerson()).isEqualTo(FeedSettings.DEMO_RECORDS_PER_PERSON);
        assertThat(settings.withRecordsPerPerson(10).recordsPerPerson()).isEqualTo(10);
        assertThat(settings.withRecordsPerPerson(10).riskShare()).isEqualTo(0.08);
    }

    @Test
    void refusesSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> new FeedSettings(1L, AS_OF, 1.2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("riskShare");
        assertThatThrownBy(() -> new FeedSettings(1L, AS_OF, 0, -0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contradictionShare");
        assertThatThrownBy(() -> new FeedSettings(1L, AS_OF, 0, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unregisteredShare");
    }

    @Test
    void refusesAVolumeThatIsNotPositiveAndAMissingOrEarlyDay() {
        assertThatThrownBy(() -> new FeedSettings(1L, AS_OF, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recordsPerPerson");
        assertThatThrownBy(() -> new FeedSettings(1L, null, 0, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FeedSettings(1L, LocalDate.of(1999, 12, 31), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asOf");
    }
}
