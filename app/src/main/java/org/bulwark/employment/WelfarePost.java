package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;

/**
 * A village's public-welfare job (公益性岗位): its duty, the monthly allowance of one place, how many places, the
 * term and where the money comes from; {@code held} is how many places are held today.
 */
public record WelfarePost(
        long id,
        String villageCode,
        String title,
        WelfareDuty duty,
        BigDecimal monthlyAllowance,
        int places,
        LocalDate termStart,
        LocalDate termEnd,
        WelfareFunding funding,
        int held,
        String updatedBy,
        Instant updatedAt,
        int version) {

    /** The places nobody holds. */
    public int vacant() {
        return Math.max(0, places - held);
    }
}
