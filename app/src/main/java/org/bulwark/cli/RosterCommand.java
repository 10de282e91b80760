package org.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.casework.RosterExport;
import org.bulwark.casework.RosterFile;
import org.bulwark.casework.RosterImport;
import org.bulwark.casework.RosterPreview;
import org.bulwark.casework.RosterProblem;
import org.bulwark.casework.RosterRead;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bulwark roster import <file> --county <code> [--dry-run]}: a county's monitoring roster into casework;
 * {@code ./bulwark roster export --county <code> --out <file>}: the roster out again in the import's template.
 */
@Command(
        name = "roster",
        mixinStandardHelpOptions = true,
        description = "The county's monitoring roster (监测对象名单): import it, or export it in the same template.",
        subcommands = {RosterCommand.Import.class, RosterCommand.Export.class})
public class RosterCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a monitoring roster (.csv in UTF-8 or GBK, .xlsx, .json; one row per monitoring "
                    + "period) as the households' casework history; prints what it does per household and each "
                    + "refused row. --dry-run stores nothing.")
    static class Import implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(paramLabel = "<file>", description = "the roster file")
        Path file;

        @Option(names = "--county", description = "the county (6 or 12 digits) the roster is for")
        String county;

        @Option(names = "--as", description = "import as this county or township user instead")
        String username;

        @Option(names = "--dry-run", description = "preview only: store nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file) || (county == null) == (username == null)) {
                System.err.println("roster import: give an existing file and either --county <code> or --as <user>");
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                BulwarkUser user = CommandUsers.actingAs(
                        context, username, "system-roster", Role.COUNTY_APPROVER, () -> countyCode(county));
                if (user == null) {
                    System.err.println("roster import: no user " + username);
                    return 2;
                }
                CurrentUser.actAs(user);
                RosterRead read;
                try (InputStream in = Files.newInputStream(file)) {
                    read = RosterFile.read(in, file.getFileName().toString());
                }
                RosterImport roster = context.getBean(RosterImport.class);
                RosterPreview done = dryRun ? roster.preview(read) : roster.commit(read);
                print(done, dryRun);
                return done.rowsRefused() > 0 ? 1 : 0;
            } catch (InvalidInputException | IllegalArgumentException e) {
                System.err.println("roster import: " + e.getMessage());
                return 2;
            }
        }

        /** A county's code as 6 or 12 digits, padded; refused when it is not a county's. */
        static String countyCode(String code) {
            String value = RegionCode.parse(code.strip()).value();
            if (!value.endsWith("000000") || value.substring(4, 6).equals("00")) {
                throw InvalidInputException.of("county", "not_a_county", code + " is not a county's code");
            }
            return value;
        }

        private static void print(RosterPreview done, boolean dryRun) {
            for (RosterPreview.HouseholdOutcome h : done.households()) {
                System.out.printf(
                        "%s %s rows %s%s%n",
                        h.outcome(),
                        h.householdNumber() == null ? "-" : h.householdNumber(),
                        h.rows(),
                        h.detail() == null ? "" : "  " + h.detail());
            }
            for (RosterProblem p : done.problems()) {
                System.out.println("  " + p.text());
            }
            System.out.printf(
                    "%s %s (SHA-256 %s): %d rows; households %d new, %d changed, %d unchanged, %d refused (%d rows)%s%n",
                    dryRun ? "dry run, nothing stored:" : "imported",
                    done.fileName(),
                    done.sha256(),
                    done.rowsTotal(),
                    done.count(RosterPreview.Outcome.NEW),
                    done.count(RosterPreview.Outcome.CHANGED),
                    done.count(RosterPreview.Outcome.UNCHANGED),
                    done.count(RosterPreview.Outcome.REFUSED),
                    done.rowsRefused(),
                    done.importId() == null ? "" : "; import " + done.importId());
        }
    }

    /** {@code ./bulwark roster export --county <code> --out <file> [--as <user>]}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Export a county's monitoring roster in the import's template, one row per monitoring period "
                    + "(recorded from a roster or made here); the format (.xlsx or .csv, UTF-8 with BOM) follows the "
                    + "name of --out. Imported back unchanged, it changes nothing.")
    static class Export implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--county", required = true, description = "the county's code (6 or 12 digits)")
        String county;

        @Option(names = "--out", required = true, description = "the file to write (.xlsx or .csv)")
        Path out;

        @Option(
                names = "--as",
                description = "export as this county or township user (default: the system, for the county)")
        String username;

        @Override
        public Integer call() {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
                System.err.println("roster export: --out must end in .xlsx or .csv");
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                BulwarkUser user = CommandUsers.actingAs(
                        context, username, "system-roster", Role.COUNTY_APPROVER, () -> Import.countyCode(county));
                if (user == null) {
                    System.err.println("roster export: no user " + username);
                    return 2;
                }
                try (var acting = CurrentUser.actAs(user);
                        OutputStream file = Files.newOutputStream(out)) {
                    RosterExport.Exported done = context.getBean(RosterExport.class)
                            .export(county, RosterExport.Format.of(name.substring(name.lastIndexOf('.') + 1)), file);
                    System.out.printf(
                            "exported %,d households, %,d periods of region %s to %s%n",
                            done.households(), done.rows(), done.regionCode(), out);
                    return 0;
                }
            } catch (InvalidInputException | IOException | IllegalArgumentException | AccessDeniedException e) {
                System.err.println("roster export: " + e.getMessage());
                deletePartial();
                return 2;
            }
        }

        // a refused export leaves no empty or half-written file that could be taken for the roster
        private void deletePartial() {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // nothing more to do: the message above says the export failed
            }
        }
    }
}
