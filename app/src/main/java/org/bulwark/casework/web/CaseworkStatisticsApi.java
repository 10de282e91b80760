package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.bulwark.casework.CaseStatistics;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.platform.web.ApiController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of the casework figures the programme reports. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class CaseworkStatisticsApi {

    private final CaseworkStatistics statistics;

    CaseworkStatisticsApi(CaseworkStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "Casework figures of a region (default: yours) for a period (default: all time)")
    @GetMapping("/casework/statistics")
    CaseStatistics statistics(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.of(region, from, to);
    }
}
