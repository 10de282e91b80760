package org.bulwark.casework;

/** Who watches an overdue step: the level above the role that should have decided it. */
final class Escalation {

    private Escalation() {
    }

    static String levelAbove(String role) {
        return switch (role) {
            case "VILLAGE_CADRE", "HELPER" -> "TOWNSHIP";
            case "TOWNSHIP_REVIEWER" -> "COUNTY";
            default -> "PREFECTURE";
        };
    }
}
