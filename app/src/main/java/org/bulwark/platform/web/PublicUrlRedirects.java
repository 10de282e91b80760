package org.bulwark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the client's Host header out of every redirect, whoever writes it (the sign-in entry point, the saved
 * request after sign-in, a controller): see {@link PublicUrl}. Tomcat itself keeps relative locations relative
 * ({@code server.tomcat.use-relative-redirects=true}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicUrlRedirects extends OncePerRequestFilter {

    private final PublicUrl publicUrl;

    PublicUrlRedirects(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Redirects(response, request.getServerName()));
    }

    private final class Redirects extends HttpServletResponseWrapper {

        private final String host;

        Redirects(HttpServletResponse response, String host) {
            super(response);
            this.host = host;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(publicUrl.redirect(location, host));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(publicUrl.redirect(location, host), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(
                    name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? publicUrl.redirect(value, host) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(
                    name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? publicUrl.redirect(value, host) : value);
        }
    }
}
