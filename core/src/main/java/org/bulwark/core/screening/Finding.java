package org.bulwark.core.screening;

/** A rule that holds for a household of a run, before it becomes a {@link Hit} or an {@link UnregisteredHit}. */
record Finding(int household, CompiledRule rule, WarningLevel level, Evidence evidence) {
}
