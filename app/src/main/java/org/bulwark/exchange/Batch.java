package org.bulwark.exchange;

import java.time.Instant;

/** An uploaded batch and its outcome: what the officer sees after an upload. */
public record Batch(long id, String category, String department, String fileName, FileFormat format,
                    String uploadedBy, Instant uploadedAt, String regionCode, BatchStatus status, String statusReason,
                    int rowsTotal, int rowsAccepted, int rowsRejected, int rowsRepeated, int rowsUnmatched,
                    Integer durationMs) {
}
