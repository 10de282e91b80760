package org.bulwark.audit;

/** The head of the audit chain: how many entries there are, the newest one's id and its hash. */
public record ChainHead(long count, long lastId, String hash) {}
