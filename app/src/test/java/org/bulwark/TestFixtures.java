package org.bulwark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.exchange.BatchStored;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.DurableEvents;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.PersonInput;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Builds test data through the same services users go through. Users and identity numbers get unique names, so
 * tests do not collide when they share one database (the server in CI keeps data between classes).
 */
@Component
public class TestFixtures {

    /** Two villages of 沙子镇, Qinglong County, and places above them. */
    public static final String VILLAGE_A = "522324101209";

    public static final String VILLAGE_B = "522324101210";
    public static final String TOWNSHIP = "522324101000";
    public static final String COUNTY = "522324000000";
    public static final String PASSWORD = "Test@2026pass";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private final UserAccounts accounts;
    private final Registry registry;
    private final DurableEvents events;

    TestFixtures(UserAccounts accounts, Registry registry, DurableEvents events) {
        this.accounts = accounts;
        this.registry = registry;
        this.events = events;
    }

    /**
     * Waits until every batch stored so far has been re-screened: the re-screening follows the batch's commit on
     * another thread, and the event publication registry says when it completed.
     */
    public void awaitRescreening() {
        if (!events.awaitCompletion(BatchStored.class, batch -> true, Duration.ofMinutes(2))) {
            throw new IllegalStateException("a stored batch was not re-screened");
        }
    }

    /** Creates a user with a unique name; the password is {@link #PASSWORD}. */
    public BulwarkUser user(Role role, String regionCode) {
        String username = role.name().toLowerCase() + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
        accounts.create(username, PASSWORD, username, role, regionCode);
        return accounts.find(username).orElseThrow();
    }

    /** Runs the action as the user, as if they were signed in. */
    public <T> T as(BulwarkUser user, Supplier<T> action) {
        try (var acting = CurrentUser.actAs(user)) {
            return action.get();
        }
    }

    /** A valid identity number not used before in this JVM (Qinglong prefix, a birth date from the sequence). */
    public static String newIdNumber(LocalDate birthDate, Sex sex) {
        int n = SEQUENCE.incrementAndGet();
        // born in Beijing: the generator issues numbers with the prefixes of the counties it fills, never this one
        return IdentityNumber.compose("110101", birthDate.plusDays(n / 400), (n % 400) * 2, sex)
                .value();
    }

    public static String newIdNumber() {
        return newIdNumber(LocalDate.of(1970, 1, 1), Sex.MALE);
    }

    /** A person input with the required fields. */
    public static PersonInput person(String name, String idNumber, String relation) {
        return new PersonInput(
                name,
                idNumber,
                relation,
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                "ABLE",
                "FARMING",
                null,
                0,
                "NOT_SCHOOL_AGE",
                true,
                true);
    }

    /** Registers a household with a head (and optionally more members) in the village, as the given editor. */
    public HouseholdFile household(BulwarkUser editor, String village, PersonInput... more) {
        List<PersonInput> members = new ArrayList<>();
        members.add(person("测试户主" + SEQUENCE.incrementAndGet(), newIdNumber(), "HEAD"));
        members.addAll(List.of(more));
        return as(
                editor,
                () -> registry.register(new HouseholdInput(village, "ORDINARY", "第1组1号", "13800001234"), members));
    }
}
