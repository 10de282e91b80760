package org.bulwark.casework;

import java.time.Instant;

/** A photo or scanned form kept with a case step (or a visit): what it is, not its bytes. */
public record CaseAttachment(
        long id,
        long householdId,
        Long caseId,
        String step,
        String fileName,
        String contentType,
        int sizeBytes,
        String uploadedBy,
        Instant uploadedAt) {}
