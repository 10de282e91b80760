package org.bulwark.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./bulwark} command line: starts the platform or runs one of its tasks. The platform's own commands are
 * listed here; the tools' commands (demo, generate, bench-*) join from their modules through {@link Subcommands}.
 */
@Command(
        name = "bulwark",
        mixinStandardHelpOptions = true,
        version = "Bulwark 0.1.0",
        description = "Dynamic monitoring and targeted support against relapse into poverty.",
        subcommands = {
            ServeCommand.class,
            AdminCommand.class,
            RegionsCommand.class,
            ImportCommand.class,
            RegistryCommand.class,
            RosterCommand.class,
            ScreenCommand.class,
            EmploymentCommand.class
        })
public class BulwarkCli implements Runnable {

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        // demo and serve return while the web server keeps running; tasks return their exit code
        if (code != 0
                || !commandLine.getParseResult().hasSubcommand()
                || !(commandLine.getParseResult().subcommand().commandSpec().userObject() instanceof LongRunning)) {
            System.exit(code);
        }
    }

    /** The command line with the platform's commands, those of every tool on the class path, and help. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BulwarkCli());
        boolean tools = false;
        for (Subcommands extension : ServiceLoader.load(Subcommands.class)) {
            extension.commands().forEach(commandLine::addSubcommand);
            tools = true;
        }
        if (!tools) {
            // the platform's jar alone: say where the documented tools are
            commandLine
                    .getCommandSpec()
                    .usageMessage()
                    .footer(
                            "%nThe tools (demo, generate, export-parquet, import-hits and every bench-* command) are in the "
                                    + "tools jar, "
                                    + "bench/target/bulwark-tools.jar; "
                                    + "./bulwark picks it for them.");
        }
        return commandLine.addSubcommand(new CommandLine.HelpCommand());
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
