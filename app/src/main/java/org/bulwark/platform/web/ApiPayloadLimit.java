package org.bulwark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API request bodies above the configured size before anything reads them (RFC 9457 answer, 413). */
@Component
class ApiPayloadLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxExchangeBytes;
    private final long maxRegistryBytes;

    ApiPayloadLimit(
            @Value("${bulwark.api.max-json-bytes:1048576}") long maxBytes,
            @Value("${bulwark.exchange.max-upload-bytes:67108864}") long maxExchangeBytes,
            @Value("${bulwark.onboarding.max-upload-size:513MB}") DataSize maxRegistrySize) {
        this.maxBytes = maxBytes;
        this.maxExchangeBytes = maxExchangeBytes;
        this.maxRegistryBytes = maxRegistrySize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    /**
     * Files have their own limits, larger than a JSON body's: department batches and monitoring rosters that of the
     * exchange; a county's registry file the largest.
     */
    private long limitOf(String path) {
        if (path.startsWith("/api/v1/registry-imports/")) {
            return maxRegistryBytes;
        }
        return path.startsWith("/api/v1/exchange/") || path.startsWith("/api/v1/casework/roster/")
                ? maxExchangeBytes
                : maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request.getRequestURI());
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > limit || chunked) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"urn:bulwark:problem:too-large\",\"title\":\"Payload too large\","
                            + "\"status\":413,\"detail\":\"request bodies are limited to " + limit
                            + " bytes and must declare their length\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
