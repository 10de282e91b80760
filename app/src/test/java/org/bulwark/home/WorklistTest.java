package org.bulwark.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.junit.jupiter.api.Test;

/** The order of the worklist, whatever order the modules' providers come in. */
class WorklistTest {

    private static final WorklistProvider CASEWORK = () -> List.of(
            WorkItem.task(100, "work.step", "A", 3, 2, "/cases?step=A"),
            WorkItem.task(100, "work.step", "B", 1, 0, "/cases?step=B"),
            WorkItem.task(100, "work.visits", null, 4, 0, "/visits"));
    private static final WorklistProvider WARNINGS = () -> List.of(
            WorkItem.task(200, "work.warnings", null, 9, 5, "/warnings?overdue=true"),
            WorkItem.page(300, "work.screening", "/screening"));
    private static final WorklistProvider ACCOUNTS = () -> List.of(
            WorkItem.task(400, "work.lockedUsers", null, 1, 0, "/users?state=LOCKED"),
            WorkItem.page(200, "work.users", 7, "/users"));

    private static List<String> links(WorklistProvider... providers) {
        return new Worklist(List.of(providers))
                .items().stream().map(WorkItem::link).toList();
    }

    @Test
    void tasksComeMostOverdueFirstThenByPlaceThenThePagesByPlace() {
        List<String> expected = List.of(
                "/warnings?overdue=true",
                "/cases?step=A",
                "/cases?step=B",
                "/visits",
                "/users?state=LOCKED",
                "/users",
                "/screening");
        assertThat(links(CASEWORK, WARNINGS, ACCOUNTS)).containsExactlyElementsOf(expected);
        assertThat(links(ACCOUNTS, WARNINGS, CASEWORK)).containsExactlyElementsOf(expected);
    }

    @Test
    void aProviderWithNothingForTheRoleAddsNothing() {
        assertThat(links(List::of, ACCOUNTS)).containsExactly("/users?state=LOCKED", "/users");
    }
}
