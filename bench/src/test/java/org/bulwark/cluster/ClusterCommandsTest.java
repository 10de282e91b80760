package org.bulwark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bulwark.cli.BulwarkCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The tools jar's hand-over commands are listed, and refuse what they can before the platform starts. */
class ClusterCommandsTest {

    @TempDir
    Path temp;

    @Test
    void helpListsExportAndImportOfTheToolsJar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = BulwarkCli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export-parquet", "import-hits");
    }

    @Test
    void refuseAWrongRegionOrAMissingHitsDirectoryBeforeStarting() {
        assertThat(BulwarkCli.commandLine().execute("export-parquet", "--region", "52x", "--output", temp.toString()))
                .isEqualTo(2);
        assertThat(BulwarkCli.commandLine().execute("import-hits", "--region", "52x", "--input", temp.toString()))
                .isEqualTo(2);
        assertThat(BulwarkCli.commandLine()
                        .execute(
                                "import-hits",
                                "--region",
                                "52",
                                "--input",
                                temp.resolve("none").toString()))
                .isEqualTo(2);
    }
}
