package org.bulwark.casework;

import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.casework.RiskType;

/** A resident's self-declaration as staff see it (personal fields masked on the page unless the role may reveal them). */
public record Declaration(
        long id,
        String receiptNumber,
        DeclarationChannel channel,
        String villageCode,
        String declarantName,
        String phone,
        String idNumber,
        Set<RiskType> risks,
        String description,
        DeclarationStatus status,
        String statusNote,
        Long caseId,
        LocalDate receivedOn,
        String recordedBy,
        String handledBy,
        LocalDate handledOn,
        int version) {}
