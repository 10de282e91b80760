package org.bulwark.exchange;

/** Event: a batch's records were stored (published inside the import's transaction). */
public record BatchStored(long batchId, String category, String regionCode, String uploadedBy, int recordsStored) {
}
