package org.bulwark.casework;

import java.util.List;

/**
 * A roster file as read: its name and SHA-256, its typed rows and the problems found while reading them (an unknown
 * word, a date that is not one). A row with a reading problem is among {@code rows}, with null where the value was.
 */
public record RosterRead(
        String fileName, String sha256, int rowsTotal, List<RosterRow> rows, List<RosterProblem> problems) {

    public RosterRead {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
