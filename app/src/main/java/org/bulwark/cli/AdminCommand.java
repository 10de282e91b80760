package org.bulwark.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.identity.Installation;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark admin}: creates a privileged administrator (system, security or audit) of a region, which nobody
 * in the platform may create (the separation of duties). The password is read from the console, or from
 * {@code BULWARK_ADMIN_PASSWORD} for scripts; its holder changes it at the first sign-in.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Create a system, security or audit administrator of a region (separation of duties; the "
                + "province's three are created here at installation). Password from the console or "
                + "BULWARK_ADMIN_PASSWORD.")
public class AdminCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--username", required = true, description = "the new account's username")
    String username;

    @Option(names = "--display-name", required = true, description = "the holder's name, e.g. 孙系统")
    String displayName;

    @Option(names = "--role", required = true, description = "SYSTEM_ADMIN, SECURITY_ADMIN or AUDIT_ADMIN")
    String role;

    @Option(names = "--region", required = true, description = "a province, prefecture or county code, e.g. 52")
    String region;

    @Override
    public Integer call() {
        String password = password();
        if (password == null) {
            System.err.println("admin: no password (type it on the console or set BULWARK_ADMIN_PASSWORD)");
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            long id = context.getBean(Installation.class)
                    .createAdministrator(username, displayName, role, region, password);
            System.out.printf(
                    "created %s (%s, %s), account %d; its holder changes the password at the first " + "sign-in%n",
                    username, role, region, id);
            return 0;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> System.err.println("admin: " + p.field() + ": " + p.message()));
            return 2;
        }
    }

    private static String password() {
        String fromEnvironment = System.getenv("BULWARK_ADMIN_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("password: ");
        char[] second = console.readPassword("again: ");
        return first != null && Arrays.equals(first, second) ? new String(first) : null;
    }
}
