package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.bulwark.casework.CaseStatistics;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.casework.QuarterlyFigures;
import org.bulwark.casework.QuarterlyReport;
import org.bulwark.platform.web.ApiController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of the casework figures the programme reports. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class CaseworkStatisticsApi {

    private final CaseworkStatistics statistics;
    private final QuarterlyFigures quarterly;
    private final QuarterlyDownload download;

    CaseworkStatisticsApi(CaseworkStatistics statistics, QuarterlyFigures quarterly, QuarterlyDownload download) {
        this.statistics = statistics;
        this.quarterly = quarterly;
        this.download = download;
    }

    @Operation(summary = "Casework figures of a region (default: yours) for a period (default: all time)")
    @GetMapping("/casework/statistics")
    CaseStatistics statistics(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.of(region, from, to);
    }

    @Operation(
            summary = "Quarterly figures of a county or township (default: yours) as of a quarter's end"
                    + " (quarter such as 2026-Q3; default: the last finished quarter), per township or village")
    @GetMapping("/casework/statistics/quarterly")
    QuarterlyReport quarterly(
            @RequestParam(required = false) String region, @RequestParam(required = false) String quarter) {
        return quarterly.of(region, quarter);
    }

    @Operation(summary = "The quarterly figures as the Excel workbook a county reports upward (an audited export)")
    @GetMapping("/casework/statistics/quarterly/export")
    ResponseEntity<byte[]> quarterlyWorkbook(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String quarter,
            Locale locale) {
        return download.workbook(region, quarter, locale);
    }
}
