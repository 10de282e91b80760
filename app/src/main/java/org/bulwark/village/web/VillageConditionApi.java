package org.bulwark.village.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.village.IndicatorValues;
import org.bulwark.platform.InvalidParameterException;
import org.bulwark.platform.web.ApiController;
import org.bulwark.village.VillageConditionImport;
import org.bulwark.village.VillageConditions;
import org.bulwark.village.VillageShortfalls;
import org.bulwark.village.VillageYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of village conditions. Values are by indicator code: yes/no indicators as true or false, others as
 * numbers; a write takes the same, or the words a form takes (是/否).
 */
@ApiController("/api/v1/villages")
@Tag(name = "Village conditions")
class VillageConditionApi {

    private final VillageConditions conditions;
    private final VillageShortfalls shortfalls;
    private final VillageConditionImport imports;

    VillageConditionApi(VillageConditions conditions, VillageShortfalls shortfalls, VillageConditionImport imports) {
        this.conditions = conditions;
        this.shortfalls = shortfalls;
        this.imports = imports;
    }

    /** A village's year as the API gives it. */
    record Conditions(
            String villageCode,
            String villageName,
            int year,
            Map<String, Object> values,
            String enteredBy,
            Instant enteredAt) {}

    /** The values to record, by indicator code; every indicator of the catalogue is required. */
    record ConditionValues(Map<String, Object> values) {}

    @Operation(summary = "The years recorded for a village, newest first")
    @GetMapping("/{code}/conditions")
    List<Integer> years(@PathVariable String code) {
        return conditions.years(code);
    }

    @Operation(summary = "A village's conditions in one year (empty values when none are recorded)")
    @GetMapping("/{code}/conditions/{year}")
    Conditions year(@PathVariable String code, @PathVariable int year) {
        return shown(conditions.of(code, year));
    }

    @Operation(summary = "Record a village's conditions for a year, every indicator at once (township or county)")
    @PutMapping("/{code}/conditions/{year}")
    Conditions put(@PathVariable String code, @PathVariable int year, @RequestBody ConditionValues body) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (body.values() != null) {
            body.values().forEach((k, v) -> typed.put(k, v == null ? null : String.valueOf(v)));
        }
        return shown(conditions.record(code, year, typed));
    }

    @Operation(summary = "The villages of a region short of each yes/no indicator in a year, and those not reported")
    @GetMapping("/conditions/shortfalls")
    VillageShortfalls.Overview shortfalls(@RequestParam(required = false) String region, @RequestParam int year) {
        RegionCode code = region == null
                ? null
                : RegionCode.tryParse(region)
                        .orElseThrow(() -> new InvalidParameterException(
                                "region", "not_region_code", "not a region code: " + region));
        return shortfalls.of(code, year);
    }

    @Operation(summary = "Import a file of village conditions (CSV or .xlsx), stored whole or refused whole")
    @PostMapping("/conditions/import")
    ResponseEntity<VillageConditionImport.Outcome> importFile(@RequestParam("file") MultipartFile file)
            throws IOException {
        Path temp = Files.createTempFile("bulwark-village-", ".upload");
        try (var in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            VillageConditionImport.Outcome outcome = imports.run(temp, file.getOriginalFilename());
            return ResponseEntity.status(outcome.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(outcome);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Conditions shown(VillageYear year) {
        Map<String, Object> values = new LinkedHashMap<>();
        year.values().forEach((code, value) -> {
            boolean yesNo =
                    conditions.catalogue().indicator(code).map(i -> i.yesNo()).orElse(false);
            values.put(code, yesNo ? IndicatorValues.yes(value) : value.stripTrailingZeros());
        });
        return new Conditions(
                year.villageCode(), year.villageName(), year.year(), values, year.enteredBy(), year.enteredAt());
    }
}
