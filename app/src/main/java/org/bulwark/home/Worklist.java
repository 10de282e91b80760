package org.bulwark.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's worklist, gathered from every module's {@link WorklistProvider}: the work that waits, the most
 * overdue first, then the pages the role looks after; among equals by place. The sort is stable, so a provider's items
 * of one place keep the order it gives them, whatever order the providers come in.
 */
@Component
class Worklist {

    private static final Comparator<WorkItem> ORDER = Comparator.comparing(WorkItem::kind)
            .thenComparing(Comparator.comparingLong(Worklist::overdueOfTask).reversed())
            .thenComparingInt(WorkItem::place);

    private final List<WorklistProvider> providers;

    Worklist(List<WorklistProvider> providers) {
        this.providers = providers;
    }

    List<WorkItem> items() {
        List<WorkItem> items = new ArrayList<>();
        providers.forEach(provider -> items.addAll(provider.workItems()));
        items.sort(ORDER);
        return items;
    }

    // pages are listed by place only, whatever they count
    private static long overdueOfTask(WorkItem item) {
        return item.kind() == WorkItem.Kind.TASK ? item.overdue() : 0;
    }
}
