package org.bulwark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.core.region.RegionCode;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.BatchStatus;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.DurableEvents;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark import}: loads a department batch from a file of any size, as a user or for a region. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a department data file (.csv in UTF-8 or GBK, .xlsx, .json) into a data category, "
                + "with the same checks as an upload; prints the batch report.")
public class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--category", required = true, description = "data category code, e.g. medical_settlement")
    String category;

    @Option(names = "--file", required = true, description = "the file to import")
    Path file;

    @Option(names = "--as", description = "import as this user (their region and department apply)")
    String username;

    @Option(names = "--region", description = "without --as: the region (2–12 digit code) the import is for")
    String region;

    @Option(names = "--all-or-nothing", description = "store nothing if any row is rejected")
    boolean allOrNothing;

    @Override
    public Integer call() {
        FileFormat format = FileFormat.ofFileName(file.getFileName().toString());
        if (format == null || !Files.isRegularFile(file)) {
            System.err.println("import: " + file + " is not a .csv, .xlsx or .json file");
            return 2;
        }
        if (username == null && region == null) {
            System.err.println("import: give --as <user> or --region <code>");
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            BulwarkUser user = CommandUsers.actingAs(
                    context,
                    username,
                    "system-import",
                    Role.PROVINCE_ADMIN,
                    () -> RegionCode.parse(region).value());
            if (user == null) {
                System.err.println("import: no user " + username);
                return 2;
            }
            CurrentUser.actAs(user);
            long started = System.nanoTime();
            Batch batch = context.getBean(DepartmentDataImport.class)
                    .run(new ImportRequest(category, file, file.getFileName().toString(), format, allOrNothing));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "batch %d %s: %d rows, %d stored, %d rejected, %d already stored, %d not registered; "
                            + "%.2f s (%.0f rows/s)%s%n",
                    batch.id(),
                    batch.status(),
                    batch.rowsTotal(),
                    batch.rowsAccepted(),
                    batch.rowsRejected(),
                    batch.rowsRepeated(),
                    batch.rowsUnmatched(),
                    seconds,
                    batch.rowsTotal() / Math.max(seconds, 1e-9),
                    batch.statusReason() == null ? "" : "\n  " + batch.statusReason());
            awaitRescreening(context, batch);
            return batch.status() == BatchStatus.REJECTED ? 1 : 0;
        } catch (InvalidInputException e) {
            System.err.println("import: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The batch's re-screening follows its commit on another thread: the command ends once it is done. Should this
     * process die first, the platform's next start re-screens the batch (it is in the event publication registry).
     */
    private static void awaitRescreening(ConfigurableApplicationContext context, Batch batch) {
        long started = System.nanoTime();
        boolean done = context.getBean(DurableEvents.class)
                .awaitCompletion(BatchStored.class, stored -> stored.batchId() == batch.id(), Duration.ofHours(1));
        System.out.printf(
                done
                        ? "re-screened the households of batch %d in %.2f s%n"
                        : "batch %d: re-screening not finished after %.0f s; the platform's next start completes it%n",
                batch.id(),
                (System.nanoTime() - started) / 1e9);
    }
}
