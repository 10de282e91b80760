package org.bulwark.platform.web;

import java.time.Instant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The version pages put on the addresses of our own static files ({@code ?v=...}), so that browsers may cache them
 * for weeks and still fetch a new release's files: the moment this server started, which changes with every
 * release (and, harmlessly, with every restart). WebJars need none: their address carries their version.
 */
@ControllerAdvice
class StaticAssetVersion {

    private final String version = Long.toString(Instant.now().getEpochSecond(), 36);

    @ModelAttribute("assetVersion")
    String assetVersion() {
        return version;
    }
}
