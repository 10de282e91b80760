package org.bulwark.audit;

/** The anchored head and what the database holds now at its place. */
public record AnchorMismatch(ChainHead anchored, ChainHead found) {}
