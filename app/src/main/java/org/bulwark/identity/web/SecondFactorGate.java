package org.bulwark.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.TwoFactor;
import org.bulwark.identity.TwoFactorPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The second step of signing in on the pages. When the password was right, an account with two-factor sign-in is
 * held at the code page, and an account whose role requires it but has not enrolled is held at enrolment, before
 * any other page (the session carries which; the API has no sessions and never gets here, see ApiSignIn).
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String PENDING = "bulwark.second-factor.pending";
    static final String ENROL = "bulwark.second-factor.enrol";
    static final String VERIFY_PAGE = "/account/two-factor/verify";
    static final String ENROL_PAGE = "/account/two-factor";

    private final CurrentUser currentUser;
    private final TwoFactor twoFactor;
    private final TwoFactorPolicy policy;

    SecondFactorGate(CurrentUser currentUser, TwoFactor twoFactor, TwoFactorPolicy policy) {
        this.currentUser = currentUser;
        this.twoFactor = twoFactor;
        this.policy = policy;
    }

    /** After the password step of the sign-in page: note in the (new) session what is still owed. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof BulwarkUser user)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpSession session = attributes.getRequest().getSession();
        if (twoFactor.enabled(user.id())) {
            session.setAttribute(PENDING, Boolean.TRUE);
        } else if (policy.requires(user.role())) {
            session.setAttribute(ENROL, Boolean.TRUE);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the password-change page: the second factor comes first
        registry.addInterceptor(this)
                .order(-10)
                .excludePathPatterns(
                        "/login",
                        "/logout",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/declare",
                        "/declare/**",
                        "/api/**",
                        "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null || currentUser.find().isEmpty()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session.getAttribute(PENDING) != null && !path.equals(VERIFY_PAGE)) {
            response.sendRedirect(request.getContextPath() + VERIFY_PAGE);
            return false;
        }
        // a password an administrator set is changed first (PasswordChangeRequired), then the factor enrolled
        if (session.getAttribute(PENDING) == null
                && session.getAttribute(ENROL) != null
                && !path.startsWith(ENROL_PAGE)
                && !path.equals(PasswordChangeRequired.PAGE)) {
            response.sendRedirect(request.getContextPath() + ENROL_PAGE);
            return false;
        }
        return true;
    }
}
