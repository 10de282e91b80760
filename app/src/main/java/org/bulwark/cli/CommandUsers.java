package org.bulwark.cli;

import java.util.function.Supplier;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.springframework.context.ApplicationContext;

/** Who a command acts as: the account named by {@code --as}, or else a system user of the command's region. */
final class CommandUsers {

    private CommandUsers() {}

    /**
     * The account {@code username}, null when there is none; a system user of the region when none is
     * named (the region is read only then: with {@code --as} it may be absent).
     */
    static BulwarkUser actingAs(
            ApplicationContext context, String username, String systemName, Role systemRole, Supplier<String> region) {
        return username != null
                ? context.getBean(UserAccounts.class).find(username).orElse(null)
                : BulwarkUser.system(systemName, systemRole, region.get());
    }
}
