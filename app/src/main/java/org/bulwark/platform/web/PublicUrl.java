package org.bulwark.platform.web;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people reach the platform at ({@code bulwark.public-url}, e.g. {@code https://fpjc.example.gov.cn}),
 * used for redirects and absolute links instead of the request's Host header, which the client chooses. Unset,
 * redirects stay relative (the browser resolves them against the address it used) and absolute links (a village's
 * QR code) are built from the request, as only a signed-in user asks for them.
 */
@Component
public class PublicUrl {

    private final String base;

    public PublicUrl(@Value("${bulwark.public-url:}") String url) {
        this.base = StringUtils.hasText(url) ? check(url.strip()) : "";
    }

    private static String check(String url) {
        URI uri = URI.create(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "bulwark.public-url must be an http(s) address without query, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether a public URL is configured. */
    public boolean configured() {
        return !base.isEmpty();
    }

    /** The absolute address of a path of the platform ("/declare?village=…"). */
    public String absolute(String pathAndQuery) {
        return configured()
                ? base + pathAndQuery
                : ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(pathAndQuery)
                        .build()
                        .toUriString();
    }

    /**
     * A redirect's location as it may leave the platform: an absolute one back to the Host the client named becomes
     * the public URL's (or relative when none is configured); relative ones and other hosts are kept.
     */
    String redirect(String location, String requestHost) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(requestHost)) {
            return location;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return base + path;
    }
}
