/**
 * Deterministic synthetic department data feeds that agree with a generated registry: routine records for every
 * household, planted risk events and contradictions for a chosen share, and records about residents the registry
 * misses — rows exactly as the department-data import accepts them, streamed so a province-sized run fits in memory.
 */
package org.bulwark.core.generate.feeds;
