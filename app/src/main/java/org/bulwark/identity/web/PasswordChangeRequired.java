package org.bulwark.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user who must choose a new password (an administrator set it, or it is older than the policy allows) is sent to
 * the password page from every other page; the API answers 403 with the reason until then.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements WebMvcConfigurer, HandlerInterceptor {

    static final String PAGE = "/account/password";

    private final CurrentUser currentUser;

    PasswordChangeRequired(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        PAGE,
                        "/login",
                        "/logout",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/declare",
                        "/declare/**",
                        "/api/v1/public/**",
                        "/favicon.ico",
                        // the idle warning keeps the session from the password page too
                        "/session/keep-alive");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!currentUser.find().map(BulwarkUser::passwordChangeRequired).orElse(false)) {
            return true;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"choose a new password at " + PAGE + " first\"}");
            return false;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
        return false;
    }
}
