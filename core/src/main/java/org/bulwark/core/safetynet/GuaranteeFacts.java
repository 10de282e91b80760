package org.bulwark.core.safetynet;

import java.util.List;
import org.bulwark.core.registry.Schooling;

/**
 * What the platform knows about a household's guarantees: its members from the registry, with the latest department
 * records about them, and the latest housing appraisal and drinking-water check.
 *
 * @param members      each member
 * @param housingGrade the latest housing-safety appraisal's grade (A–D), or null when never appraised
 * @param renovated    whether the house was renovated after that appraisal
 * @param waterStatus  the latest drinking-water check of the household or its village within a year (safe,
 *                     interrupted, unsafe), or null
 */
public record GuaranteeFacts(List<Member> members, String housingGrade, boolean renovated, String waterStatus) {

    /** Copies the members. */
    public GuaranteeFacts {
        members = List.copyOf(members);
    }

    /**
     * A member.
     *
     * @param age          whole years on the day of the status
     * @param schooling    the registry's schooling status, or null
     * @param schoolStatus the education department's latest status of this school year (enrolled, dropped_out,
     *                     suspended, home_schooled_for_disability), or null
     * @param insured      the registry's basic medical insurance flag
     * @param enrolled     the medical-insurance department's enrolment of this year, or null without a record
     */
    public record Member(int age, Schooling schooling, String schoolStatus, boolean insured, Boolean enrolled) {}
}
