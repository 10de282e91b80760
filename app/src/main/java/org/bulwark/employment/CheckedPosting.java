package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;

/** A posting that passed every check. */
record CheckedPosting(
        long employerId,
        String title,
        String regionCode,
        WorkKind workKind,
        List<Skill> skills,
        BigDecimal monthlyWage,
        Integer hoursPerWeek,
        int openings,
        LocalDate openFrom,
        LocalDate openTo,
        Posting.State state,
        int version) {}
