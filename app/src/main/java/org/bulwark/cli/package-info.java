/** Subcommands of {@code ./bulwark}. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.bulwark.cli;
