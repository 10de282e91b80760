package org.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./bulwark} command line: starts the platform or runs one of its tasks. */
@Command(name = "bulwark", mixinStandardHelpOptions = true, version = "Bulwark 0.1.0",
        description = "Dynamic monitoring and targeted support against relapse into poverty.",
        subcommands = {DemoCommand.class, ServeCommand.class, AdminCommand.class, GenerateCommand.class,
                RegionsCommand.class,
                ImportCommand.class, ScreenCommand.class, BenchSearchCommand.class, BenchImportCommand.class,
                BenchScreenCommand.class,
                CommandLine.HelpCommand.class})
public class BulwarkCli implements Runnable {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BulwarkCli());
        int code = commandLine.execute(args);
        // demo and serve return while the web server keeps running; tasks return their exit code
        if (code != 0 || !commandLine.getParseResult().hasSubcommand()
                || !(commandLine.getParseResult().subcommand().commandSpec().userObject() instanceof LongRunning)) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
