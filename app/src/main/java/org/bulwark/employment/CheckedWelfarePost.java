package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;

/** A public-welfare post that passed every check. */
record CheckedWelfarePost(
        String villageCode,
        String title,
        WelfareDuty duty,
        BigDecimal monthlyAllowance,
        int places,
        LocalDate termStart,
        LocalDate termEnd,
        WelfareFunding funding,
        int version) {}
