package org.bulwark.statistics;

import java.util.List;

/** The years the dashboards can show, newest first; implemented by the module that keeps the yearly figures. */
public interface ReportingYears {

    /** The years with figures, newest first; empty when there are none. */
    List<Integer> newestFirst();
}
