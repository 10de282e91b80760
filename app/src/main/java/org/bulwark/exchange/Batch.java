package org.bulwark.exchange;

import java.time.Instant;

/** An uploaded batch and its outcome: what the officer sees after an upload. */
public record Batch(
        long id,
        String category,
        String department,
        String fileName,
        FileFormat format,
        String uploadedBy,
        Instant uploadedAt,
        String regionCode,
        BatchStatus status,
        String statusReason,
        int rowsTotal,
        int rowsAccepted,
        int rowsRejected,
        int rowsRepeated,
        int rowsUnmatched,
        Integer durationMs) {

    /** The share of refused rows (of all rows) from which a partly stored batch is shown as mostly refused. */
    static final int MOSTLY_REFUSED_PERCENT = 50;
    /** The share of refused rows up to which a partly stored batch is shown as a few rows to fix. */
    static final int FEW_REFUSED_PERCENT = 10;

    /** What became of the batch, as its officer should read it. */
    public BatchState state() {
        return switch (status) {
            case DUPLICATE -> BatchState.DUPLICATE;
            case REJECTED -> rowsRejected > 0 ? BatchState.BATCH_REFUSED : BatchState.FILE_REFUSED;
            case ACCEPTED ->
                rowsRejected == 0
                        ? BatchState.STORED
                        : rowsRejected >= rowsTotal ? BatchState.ALL_REFUSED : BatchState.PARTLY_STORED;
        };
    }

    /** The refused rows as a whole percentage of all rows, rounded up so that one refused row never reads 0%. */
    public int refusedPercent() {
        return rowsTotal == 0 ? 0 : (int) Math.ceil(rowsRejected * 100.0 / rowsTotal);
    }

    /**
     * How the state is coloured: {@code stored} (green), {@code few} (a few rows refused, amber), {@code many} (more,
     * orange), {@code refused} (most or all rows or the whole file, red), {@code duplicate} (grey).
     */
    public String tone() {
        return switch (state()) {
            case STORED -> "stored";
            case DUPLICATE -> "duplicate";
            case PARTLY_STORED ->
                refusedPercent() <= FEW_REFUSED_PERCENT
                        ? "few"
                        : refusedPercent() < MOSTLY_REFUSED_PERCENT ? "many" : "refused";
            default -> "refused";
        };
    }
}
