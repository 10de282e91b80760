package org.bulwark.exchange;

/**
 * Event: a batch's records were stored. Published inside the import's transaction, which also writes it to the event
 * publication registry, so what follows the batch (its re-screening) is not lost when the platform dies after the
 * commit.
 */
public record BatchStored(long batchId, String category, String regionCode, String uploadedBy, int recordsStored) {}
