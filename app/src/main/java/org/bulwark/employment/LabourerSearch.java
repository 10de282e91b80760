package org.bulwark.employment;

import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;

/** Filters of the labourer list: in work or not, place, mode, village (a region under the user's), page. */
public record LabourerSearch(Boolean inWork, EmploymentPlace place, WorkMode workMode, String region, int page) {

    public static final int PAGE_SIZE = 50;
}
