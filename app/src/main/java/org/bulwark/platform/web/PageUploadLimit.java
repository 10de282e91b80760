package org.bulwark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A page upload (a multipart form) larger than the limit is answered with the Chinese error page, status 413, saying
 * the limit and what to do. It must be caught before Spring Security: the CSRF check reads the form's token, which
 * makes Tomcat take the body apart, and Tomcat then answers its own bare 413 page. The body is read and dropped up
 * to {@code bulwark.web.upload-drain-bytes} so that the browser, still sending, gets to show the answer; beyond
 * that the connection is closed after it. API uploads have their own limit and answer ({@code ApiPayloadLimit}).
 */
@Component
@ConditionalOnWebApplication // the command line's task commands run without a web server and its views
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class PageUploadLimit extends OncePerRequestFilter {

    private final DataSize limit;
    private final DataSize registryLimit;
    private final long drainBytes;
    private final ViewResolver views;
    private final LocaleResolver locales;
    private final MessageSource messages;

    PageUploadLimit(
            @Value("${bulwark.web.max-upload-size:65MB}") DataSize limit,
            @Value("${bulwark.onboarding.max-upload-size:513MB}") DataSize registryLimit,
            @Value("${bulwark.web.upload-drain-bytes:268435456}") long drainBytes,
            @Qualifier("thymeleafViewResolver") ViewResolver views,
            LocaleResolver locales,
            MessageSource messages) {
        this.limit = limit;
        this.registryLimit = registryLimit;
        this.drainBytes = drainBytes;
        this.views = views;
        this.locales = locales;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getRequestURI().startsWith("/api/")
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A county's registry file is larger than any other upload; every other page keeps the common limit. */
    private DataSize limitOf(String path) {
        return path.startsWith("/registry-imports") ? registryLimit : limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        DataSize limit = limitOf(request.getRequestURI());
        if (length <= limit.toBytes()) {
            chain.doFilter(request, response); // including an unknown length: Tomcat's own limits apply then
            return;
        }
        if (length <= drainBytes) {
            try (InputStream body = request.getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
        Locale locale = locales.resolveLocale(request);
        String megabytes = String.valueOf(Math.max(1, limit.toMegabytes()));
        String problem = messages.getMessage("error.uploadTooLarge.detail", new Object[] {megabytes}, locale);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        try {
            View page = views.resolveViewName("error", locale);
            page.render(Map.of("status", 413, "problems", List.of(problem)), request, response);
        } catch (Exception e) {
            throw new ServletException("cannot show the page for an upload over the limit", e);
        }
    }
}
