package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A public-welfare post as a form or the API gives it; duty and funding by code or Chinese word. */
public record WelfarePostInput(
        String villageCode,
        String title,
        String duty,
        BigDecimal monthlyAllowance,
        Integer places,
        LocalDate termStart,
        LocalDate termEnd,
        String funding,
        Integer version) {}
