package org.bulwark.safetynet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.bulwark.core.safetynet.SafetyNetStandard;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.ApiController;
import org.bulwark.safetynet.SafetyNet;
import org.bulwark.safetynet.SafetyNetSection;
import org.bulwark.safetynet.Standards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of the safety net: standards per region and year, and a household's safety net. */
@ApiController("/api/v1")
@Tag(name = "Safety net")
class SafetyNetApi {

    private final Standards standards;
    private final SafetyNet safetyNet;

    SafetyNetApi(Standards standards, SafetyNet safetyNet) {
        this.standards = standards;
        this.safetyNet = safetyNet;
    }

    /** A standard's amounts and source, yuan per person per year. */
    record StandardAmounts(BigDecimal allowance, BigDecimal support, String source) {}

    @Operation(summary = "Every allowance and support standard, by region and year")
    @GetMapping("/safety-net/standards")
    List<SafetyNetStandard> standards() {
        return standards.all();
    }

    @Operation(summary = "The standard that applies to a region in a year: the most specific region's")
    @GetMapping("/safety-net/standards/{regionCode}/{year}")
    SafetyNetStandard applying(@PathVariable String regionCode, @PathVariable int year) {
        return standards.find(regionCode, year).orElseThrow(() -> new NotFoundException("standard", regionCode));
    }

    @Operation(summary = "Set the standard of a province, prefecture or county for a year (province administrators)")
    @PutMapping("/safety-net/standards/{regionCode}/{year}")
    SafetyNetStandard put(@PathVariable String regionCode, @PathVariable int year, @RequestBody StandardAmounts body) {
        return standards.edit(
                new Standards.StandardInput(regionCode, year, body.allowance(), body.support(), body.source()));
    }

    @Operation(summary = "A household's safety net: its standard, what it receives, its three guarantees")
    @GetMapping("/households/{householdId}/safety-net")
    SafetyNetSection household(@PathVariable long householdId) {
        return safetyNet.of(householdId);
    }
}
