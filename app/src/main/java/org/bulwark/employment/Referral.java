package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A labourer referred to a posting, as pages and the API show it: who, which posting of which employer where, for
 * what wage, where the referral stands and who moved it last; and the support plan's measure it carries out, if any
 * ({@code planMeasureId}, casework's measure id, linked through {@link Referrals#linkToMeasure}).
 */
public record Referral(
        long id,
        long personId,
        long householdId,
        String villageCode,
        String labourerName,
        long postingId,
        String postingTitle,
        String postingRegionCode,
        BigDecimal monthlyWage,
        long employerId,
        String employerName,
        ReferralState state,
        String refusalReason,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        int version,
        Long planMeasureId) {}
