package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./bulwark generate (the tools jar): a run on its own embedded database, its CSV and feeds imported and screened. */
class GenerateCommandTest {

    @TempDir
    Path temp;

    @Test
    void generateStoresAndWritesTheSameHouseholdsAsCsv() throws Exception {
        Path csv = temp.resolve("csv");
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BulwarkCli.commandLine()
                    .execute(
                            "generate",
                            "--county",
                            "522326",
                            "--households",
                            "40",
                            "--seed",
                            "3",
                            "--csv",
                            csv.toString(),
                            "--data-dir",
                            temp.resolve("pg").toString());
        } finally {
            System.setOut(previous);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("generated 40 households")
                .contains("stored in the database");
        assertThat(Files.readAllLines(csv.resolve("households.csv"))).hasSize(41);
        assertThat(Files.readAllLines(csv.resolve("persons.csv")).get(0)).startsWith("household_number,id_number");
    }

    @Test
    void generateRefusesAnUnknownCounty() {
        int code = BulwarkCli.commandLine()
                .execute(
                        "generate",
                        "--county",
                        "999999",
                        "--households",
                        "5",
                        "--csv-only",
                        "--csv",
                        temp.resolve("x").toString(),
                        "--data-dir",
                        temp.resolve("pg2").toString());
        assertThat(code).isEqualTo(2);
    }

    @Test
    void generatedFeedsImportAndScreenFromTheCommandLine() throws Exception {
        String data = temp.resolve("pg3").toString();
        Path feeds = temp.resolve("feeds");
        assertThat(run(
                        "generate",
                        "--county",
                        "522324",
                        "--households",
                        "60",
                        "--seed",
                        "5",
                        "--feeds",
                        feeds.toString(),
                        "--data-dir",
                        data))
                .contains("department feeds in");
        assertThat(Files.exists(feeds.resolve("medical_settlement.csv"))).isTrue();
        String imported = run(
                "import",
                "--category",
                "medical_enrolment",
                "--file",
                feeds.resolve("medical_enrolment.csv").toString(),
                "--region",
                "522324",
                "--data-dir",
                data);
        assertThat(imported).contains("ACCEPTED").contains("0 rejected");
        String screened = run("screen", "--region", "522324", "--data-dir", data);
        assertThat(screened).contains("FULL run").contains("60 households").contains("hits per rule:");
    }

    private String run(String... args) {
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BulwarkCli.commandLine().execute(args);
        } finally {
            System.setOut(previous);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(String.join(" ", args) + " → " + text).isZero();
        return text;
    }
}
