package org.bulwark.cli;

import java.util.List;

/**
 * Subcommands of {@code ./bulwark} that live outside the platform's jar: the tools (demo seeding, generation,
 * benchmarks) register theirs through {@code META-INF/services/org.bulwark.cli.Subcommands}, so that the platform
 * carries none of their classes and {@code --help} still lists every command the running jar has.
 */
public interface Subcommands {

    /** The picocli command classes to add, in the order {@code --help} lists them. */
    List<Class<?>> commands();
}
