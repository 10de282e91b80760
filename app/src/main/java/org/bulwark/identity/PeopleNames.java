package org.bulwark.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People as pages name them: "张三 · 村干部/网格员" for a user name that other modules keep (who uploaded, who
 * verified), not the login name. Pages use it as {@code @people}; the names a page asks for are looked up once per
 * request.
 */
@Component("people")
public class PeopleNames {

    private static final String MEMO = PeopleNames.class.getName() + ".memo";

    private final UserNames userNames;
    private final MessageSource messages;

    PeopleNames(UserNames userNames, MessageSource messages) {
        this.userNames = userNames;
        this.messages = messages;
    }

    /** The person's display name and role, or the user name as recorded when it has no account. */
    public String label(String username) {
        if (username == null) {
            return "";
        }
        UserNames.Named named = lookUp(username);
        if (named == null) {
            return platformName(username);
        }
        return named.role() == null ? named.displayName() : named.displayName() + " · " + role(named.role());
    }

    /**
     * The platform's own actors in the reader's language (the system's tasks, the public form, the demo seeding), as
     * the audit log names them; any other name without an account as recorded.
     */
    private String platformName(String username) {
        String key = switch (username) {
            case "system" -> "audit.system";
            case "public" -> "audit.public";
            case "demo-seed" -> "audit.demoSeed";
            default -> null;
        };
        return key == null ? username : messages.getMessage(key, null, username, LocaleContextHolder.getLocale());
    }

    /** A role in the reader's language. */
    public String role(Role role) {
        return role == null
                ? ""
                : messages.getMessage("role." + role.name(), null, role.name(), LocaleContextHolder.getLocale());
    }

    private UserNames.Named lookUp(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return userNames.byUsernames(List.of(username)).get(username);
        }
        @SuppressWarnings("unchecked")
        Map<String, UserNames.Named> memo =
                (Map<String, UserNames.Named>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo.computeIfAbsent(
                username, u -> userNames.byUsernames(List.of(u)).get(u));
    }
}
