package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;

/** Work an employer offers: where, what kind, which skills, wage, hours, places, dates and whether it is open. */
public record Posting(
        long id,
        long employerId,
        String employerName,
        String title,
        String regionCode,
        WorkKind workKind,
        List<Skill> skills,
        BigDecimal monthlyWage,
        Integer hoursPerWeek,
        int openings,
        LocalDate openFrom,
        LocalDate openTo,
        State state,
        int version) {

    /** Whether labourers can still be matched to it. */
    public enum State {
        OPEN,
        CLOSED
    }
}
