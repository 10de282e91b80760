package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.LabourCapacity;

/** A labourer of the labour registry as it stands: who, whether and how they work, what they can do and wish. */
public record Labourer(
        long personId,
        long householdId,
        String villageCode,
        LabourCapacity labourCapacity,
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
        Long sourceRecordId,
        String updatedBy,
        Instant updatedAt,
        int version) {}
