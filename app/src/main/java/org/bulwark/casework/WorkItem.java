package org.bulwark.casework;

/**
 * One line of a user's worklist: what waits (a message key), how many, how many of them are late, and where to do it.
 * The step, when the item is the cases waiting at a step, names it for the message.
 */
public record WorkItem(String key, String step, long count, long overdue, String link) {
}
