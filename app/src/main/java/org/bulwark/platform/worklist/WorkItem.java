package org.bulwark.platform.worklist;

/**
 * One line of a user's worklist: what waits (a message key), how many, how many of them are late, and where to do it.
 * The step, when the item is the cases waiting at a step, names it for the message.
 *
 * <p>A {@link Kind#TASK task} counts work that waits; the home page lists tasks first, the most overdue first. A
 * {@link Kind#PAGE page} is a page the role looks after, listed after the tasks. Among equals, the smaller
 * {@link #place()} comes first; a provider's items of the same place keep the order it gives them.
 *
 * @param count how many wait, or -1 when the line is a plain link without a count
 */
public record WorkItem(Kind kind, int place, String key, String step, long count, long overdue, String link) {

    /** Work that waits (counted, sorted overdue first) or a page the role looks after. */
    public enum Kind {
        TASK,
        PAGE
    }

    /** Work that waits, counted. */
    public static WorkItem task(int place, String key, String step, long count, long overdue, String link) {
        return new WorkItem(Kind.TASK, place, key, step, count, overdue, link);
    }

    /** A page the role looks after, with a count shown beside it (accounts disabled, say). */
    public static WorkItem page(int place, String key, long count, String link) {
        return new WorkItem(Kind.PAGE, place, key, null, count, 0, link);
    }

    /** A page the role looks after, without a count. */
    public static WorkItem page(int place, String key, String link) {
        return page(place, key, -1, link);
    }
}
