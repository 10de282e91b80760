package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateFlagTest {

    @Test
    void findsTheDateFieldBehindAFlag() {
        assertThat(DateFlag.sourceField("renovated", List.of("grade", "renovated_date")))
                .contains("renovated_date");
        assertThat(DateFlag.sourceField("ended", List.of("start_date", "end_date")))
                .contains("end_date");
        assertThat(DateFlag.sourceField("enrolled", List.of("enrolled"))).contains("enrolled");
        assertThat(DateFlag.sourceField("renovated", List.of("grade"))).isEmpty();
    }

    @Test
    void holdsFromItsDateOnwards() {
        LocalDate asOf = LocalDate.of(2026, 6, 1);
        assertThat(DateFlag.holds(asOf, asOf)).isTrue();
        assertThat(DateFlag.holds(asOf.plusDays(1), asOf)).isFalse();
        assertThat(DateFlag.holds(null, asOf)).isFalse();
    }
}
