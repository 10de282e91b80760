package org.bulwark.cli;

import java.util.List;

/** The demo seeding's commands: {@code ./bulwark demo} and {@code ./bulwark generate}. */
public class DemoSubcommands implements Subcommands {

    @Override
    public List<Class<?>> commands() {
        return List.of(DemoCommand.class, GenerateCommand.class);
    }
}
