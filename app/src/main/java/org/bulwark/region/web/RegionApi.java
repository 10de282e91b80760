package org.bulwark.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.ApiController;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** REST API for the region hierarchy (public facts: any signed-in user may read all of it). */
@ApiController("/api/v1/regions")
@Tag(name = "Regions")
class RegionApi {

    private final Regions regions;

    RegionApi(Regions regions) {
        this.regions = regions;
    }

    @Operation(summary = "The provinces")
    @GetMapping
    List<Region> provinces() {
        return regions.provinces();
    }

    @Operation(summary = "A region by its 12-digit code")
    @GetMapping("/{code}")
    Region region(@PathVariable String code) {
        return RegionCode.tryParseFull(code)
                .flatMap(regions::find)
                .orElseThrow(() -> new NotFoundException("region", code));
    }

    @Operation(summary = "The regions directly below a region")
    @GetMapping("/{code}/children")
    List<Region> children(@PathVariable String code) {
        return regions.children(region(code).regionCode());
    }
}
