package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;

/** A labourer change that passed every check, with its values parsed. */
record CheckedLabourer(
        boolean inWork,
        EmploymentPlace place,
        WorkMode workMode,
        Long employerId,
        LocalDate sinceDate,
        Integer monthsWorked,
        Integer monthsYear,
        BigDecimal monthlyWage,
        List<Skill> skills,
        String training,
        Reach wishReach,
        List<WorkKind> wishKinds,
        BigDecimal wishMinWage,
        LabourSource source,
        int version) {}
