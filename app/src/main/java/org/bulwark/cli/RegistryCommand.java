package org.bulwark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.onboarding.ImportPreview;
import org.bulwark.onboarding.ImportProgress;
import org.bulwark.onboarding.RefusedRowsFiles;
import org.bulwark.onboarding.RegistryExports;
import org.bulwark.onboarding.RegistryFileKind;
import org.bulwark.onboarding.RegistryImports;
import org.bulwark.onboarding.RowRefusal;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.read.FileRejectedException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./bulwark registry}: a county's registry brought in from its own files (issue 13). */
@Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        description = "A county's registry: import or export its households, persons and incomes.",
        subcommands = {RegistryCommand.Import.class, RegistryCommand.Export.class})
public class RegistryCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code ./bulwark registry import <file> --county <code> [--dry-run]}. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a 户籍成员 (members) or 家庭收入 (incomes) file (.xlsx, .csv in UTF-8 or GBK, .json): "
                    + "checked, matched against the registry and stored whole or not at all; --dry-run only "
                    + "previews.")
    static class Import implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(index = "0", description = "the file")
        Path file;

        @Option(names = "--county", required = true, description = "the county's code (6 or 12 digits)")
        String county;

        @Option(names = "--as", description = "import as this user (default: the system, for the county)")
        String username;

        @Option(names = "--dry-run", description = "preview only: show what would change, store nothing")
        boolean dryRun;

        @Option(
                names = "--refused",
                description = "write the rows refused or withheld to this file (.xlsx or .csv): the file's own "
                        + "columns with 原行号 and 错误原因 added; fixed, it imports again as it is")
        Path refusedFile;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("registry import: no file " + file);
                return 2;
            }
            if (refusedFile != null && format(refusedFile) == null) {
                System.err.println("registry import: --refused must end in .xlsx or .csv");
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                BulwarkUser user = CommandUsers.actingAs(
                        context,
                        username,
                        "system-import",
                        Role.COUNTY_APPROVER,
                        () -> RegionCode.parse(county).value());
                if (user == null) {
                    System.err.println("registry import: no user " + username);
                    return 2;
                }
                try (var acting = CurrentUser.actAs(user)) {
                    return run(context.getBean(RegistryImports.class), user);
                }
            } catch (InvalidInputException | FileRejectedException e) {
                System.err.println("registry import: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("registry import: " + e.getMessage());
                return 2;
            }
        }

        private int run(RegistryImports imports, BulwarkUser user) throws IOException {
            long started = System.nanoTime();
            List<RowRefusal> refused = new ArrayList<>();
            ImportProgress progress = progress(started, refused);
            ImportPreview preview = imports.preview(file, file.getFileName().toString(), county, progress);
            print(preview, System.out);
            if (refusedFile != null) {
                writeRefused(refused, user);
            }
            System.out.printf("preview: %.2f s%n", (System.nanoTime() - started) / 1e9);
            if (dryRun) {
                System.out.println("dry run: nothing stored");
                return 0;
            }
            long committing = System.nanoTime();
            ImportPreview done = imports.commit(preview.id(), progress(started, new ArrayList<>()));
            System.out.printf(
                    "stored as import %d in %.2f s (%.2f s in all)%n",
                    done.importId(), (System.nanoTime() - committing) / 1e9, (System.nanoTime() - started) / 1e9);
            return 0;
        }

        /** Every refused row, as sent, to fix; health and disability only for a user who may read them. */
        private void writeRefused(List<RowRefusal> refused, BulwarkUser user) throws IOException {
            try (var out = Files.newOutputStream(refusedFile)) {
                new RefusedRowsFiles(Long.MAX_VALUE)
                        .write(
                                file,
                                file.getFileName().toString(),
                                refused,
                                user.can(Role.Permission.READ_SENSITIVE_DATA),
                                format(refusedFile),
                                out);
            }
            System.out.printf(
                    "%,d refused rows written to %s%n",
                    refused.stream().mapToLong(RowRefusal::row).distinct().count(), refusedFile);
        }

        private static String format(Path out) {
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".csv") ? "csv" : null;
        }

        /** The phases, the rows read and the households written, on standard error as they come. */
        private static ImportProgress progress(long started, List<RowRefusal> refused) {
            return new ImportProgress() {
                @Override
                public void accept(long rows) {
                    System.err.printf("  %,d rows read (%.1f s)%n", rows, seconds(started));
                }

                @Override
                public void phase(Phase phase) {
                    System.err.printf(
                            "%s %s (%.1f s)%n", phase.label(), phase.name().toLowerCase(), seconds(started));
                }

                @Override
                public void refused(List<RowRefusal> rows) {
                    refused.clear();
                    refused.addAll(rows);
                }

                @Override
                public void step(String step) {
                    System.err.printf("  %s (%.1f s)%n", step, seconds(started));
                }

                @Override
                public void written(long households) {
                    System.err.printf("  %,d households written (%.1f s)%n", households, seconds(started));
                }
            };
        }

        private static double seconds(long started) {
            return (System.nanoTime() - started) / 1e9;
        }

        static void print(ImportPreview p, PrintStream out) {
            ImportPreview.Counts c = p.counts();
            out.printf("%s %s (SHA-256 %s): %,d rows%n", p.kind().label(), p.fileName(), p.sha256(), c.rows());
            out.printf(
                    "  households: %,d new, %,d changed, %,d unchanged, %,d refused%n",
                    c.householdsNew(), c.householdsChanged(), c.householdsUnchanged(), c.householdsRefused());
            out.printf(
                    "  persons: %,d new, %,d changed, %,d unchanged%n",
                    c.personsNew(), c.personsChanged(), c.personsUnchanged());
            out.printf(
                    "  incomes: %,d new, %,d changed, %,d unchanged%n",
                    c.incomesNew(), c.incomesChanged(), c.incomesUnchanged());
            out.printf("  rows refused: %,d, withheld: %,d%n", c.rowsRefused(), c.rowsWithheld());
            p.refused().stream().filter(r -> !r.withheld()).limit(20).forEach(r -> out.println("    " + describe(r)));
        }

        private static String describe(RowRefusal r) {
            return "第" + r.row() + "行 " + r.reason();
        }
    }

    /** {@code ./bulwark registry export --county <code> --out <file> [--kind members|incomes]}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Export a county's 户籍成员 (members) or 家庭收入 (incomes) file in the import's template; the "
                    + "format (.xlsx or .csv, UTF-8 with BOM) follows the name of --out. Imported back unchanged, "
                    + "it changes nothing.")
    static class Export implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--county", required = true, description = "the county's code (6 or 12 digits)")
        String county;

        @Option(names = "--out", required = true, description = "the file to write (.xlsx or .csv)")
        Path out;

        @Option(names = "--kind", defaultValue = "members", description = "members (default) or incomes")
        String kind;

        @Option(names = "--as", description = "export as this user (default: the system, for the county)")
        String username;

        @Override
        public Integer call() {
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
                System.err.println("registry export: --out must end in .xlsx or .csv");
                return 2;
            }
            if (!kind.equals("members") && !kind.equals("incomes")) {
                System.err.println("registry export: --kind must be members or incomes");
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                BulwarkUser user = CommandUsers.actingAs(
                        context,
                        username,
                        "system-export",
                        Role.COUNTY_APPROVER,
                        () -> RegionCode.parse(county).value());
                if (user == null) {
                    System.err.println("registry export: no user " + username);
                    return 2;
                }
                try (var acting = CurrentUser.actAs(user);
                        var file = Files.newOutputStream(out)) {
                    RegistryExports.Exported done = context.getBean(RegistryExports.class)
                            .export(
                                    county,
                                    kind.equals("members") ? RegistryFileKind.MEMBERS : RegistryFileKind.INCOMES,
                                    RegistryExports.Format.of(name.substring(name.lastIndexOf('.') + 1)),
                                    file);
                    System.out.printf(
                            "exported %,d households, %,d rows of region %s to %s%n",
                            done.households(), done.rows(), done.regionCode(), out);
                    return 0;
                }
            } catch (InvalidInputException
                    | IOException
                    | org.springframework.security.access.AccessDeniedException e) {
                System.err.println("registry export: " + e.getMessage());
                deletePartial();
                return 2;
            }
        }

        // a refused export leaves no empty or half-written file that could be taken for the registry
        private void deletePartial() {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // nothing more to do: the message above says the export failed
            }
        }
    }
}
