package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The platform's ./bulwark commands: help lists them, and names the tools jar for the tools' commands. */
class CommandLineTest {

    @Test
    void helpListsThePlatformsCommandsAndNamesTheToolsJar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("serve", "admin", "regions", "import", "screen", "bulwark-tools.jar");
        assertThat(cli.getSubcommands().keySet())
                .as("the platform's jar has no tools")
                .containsExactly(
                        "serve", "admin", "regions", "import", "registry", "roster", "screen", "employment", "help");
    }

    @Test
    void employmentRefreshNamesItsRegionAndRefusesAWrongOneBeforeStarting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("employment", "refresh", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--region", "16 to", "64");
        assertThat(BulwarkCli.commandLine().execute("employment", "refresh", "--region", "52x"))
                .isEqualTo(2);
    }

    @Test
    void employmentMatchNamesItsOptionsAndRefusesAWrongRegionBeforeStarting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("employment", "match", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--region", "--top", "--out", "stores nothing");
        assertThat(BulwarkCli.commandLine().execute("employment", "match", "--region", "52x"))
                .isEqualTo(2);
        assertThat(BulwarkCli.commandLine().execute("employment", "match", "--region", "52", "--top", "0"))
                .isEqualTo(2);
    }

    @Test
    void registryExportNamesItsOptionsAndRefusesAFileOfNoFormatBeforeStarting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("registry", "export", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--county", "--out", "--kind");
        assertThat(BulwarkCli.commandLine().execute("registry", "export", "--county", "522324", "--out", "x.pdf"))
                .isEqualTo(2);
    }

    @Test
    void rosterExportNamesItsOptionsAndRefusesAFileOfNoFormatBeforeStarting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("roster", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("import", "export");
        out.reset();
        assertThat(cli.execute("roster", "export", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--county", "--out", "--as");
        assertThat(BulwarkCli.commandLine().execute("roster", "export", "--county", "522324", "--out", "x.pdf"))
                .isEqualTo(2);
    }

    @Test
    void registryImportOffersTheRefusedRowsAsAFileAndRefusesOneOfNoFormatBeforeStarting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("registry", "import", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--refused", "错误原因");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("members-", ".csv");
        try {
            assertThat(BulwarkCli.commandLine()
                            .execute("registry", "import", file.toString(), "--county", "522324", "--refused", "x.pdf"))
                    .isEqualTo(2);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
