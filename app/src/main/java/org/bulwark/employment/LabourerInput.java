package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A change of a labourer's work, skills and wishes as a visit or the employment office records it. Choices are text
 * (a code or its Chinese word), so that the page, the API and a file are checked alike.
 */
public record LabourerInput(
        Boolean inWork,
        String place,
        String workMode,
        Long employerId,
        LocalDate sinceDate,
        Integer monthsWorked,
        BigDecimal monthlyWage,
        List<String> skills,
        String training,
        String wishReach,
        List<String> wishKinds,
        BigDecimal wishMinWage,
        String source,
        Integer version) {}
