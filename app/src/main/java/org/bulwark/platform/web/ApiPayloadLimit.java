package org.bulwark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API request bodies above the configured size before anything reads them (RFC 9457 answer, 413). */
@Component
class ApiPayloadLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxExchangeBytes;

    ApiPayloadLimit(
            @Value("${bulwark.api.max-json-bytes:1048576}") long maxBytes,
            @Value("${bulwark.exchange.max-upload-bytes:67108864}") long maxExchangeBytes) {
        this.maxBytes = maxBytes;
        this.maxExchangeBytes = maxExchangeBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // department batches are files, with their own (larger) limit
        long limit = request.getRequestURI().startsWith("/api/v1/exchange/") ? maxExchangeBytes : maxBytes;
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
