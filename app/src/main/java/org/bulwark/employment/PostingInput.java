package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A posting as a form, the API or a file gives it; kind and skills by code or Chinese word. */
public record PostingInput(
        Long employerId,
        String title,
        String regionCode,
        String workKind,
        List<String> skills,
        BigDecimal monthlyWage,
        Integer hoursPerWeek,
        Integer openings,
        LocalDate openFrom,
        LocalDate openTo,
        String state,
        Integer version) {}
