package org.bulwark.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two doors: the API under {@code /api/v1} (HTTP Basic, no session, no cookies, so no CSRF token) and the pages
 * (form login, session rotated at sign-in, CSRF tokens). Region scope is not decided here but in the services below.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The filter chains exist only when there is a web server (not for command-line tasks). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class WebSecurity {

        private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'";

        /** Open sessions by user, so that disabling an account or changing its role ends them (UserSessions). */
        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        /** Tells the registry when a session ends (time-out, sign-out), so it forgets it. */
        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, ApiSignIn apiSignIn, SignInThrottle throttle) throws Exception {
            // tokens, and no password alone for two-factor accounts (ApiSignIn)
            http.authenticationManager(apiSignIn.manager());
            http.securityMatcher("/api/v1/**")
                    // residents declare hardship without an account; the public endpoints are rate-limited
                    .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/public/**")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .httpBasic(basic -> basic.authenticationEntryPoint(SignInAnswers.api(throttle)))
                    // slows guessing per address before the account lockout (SignInThrottle)
                    .addFilterBefore(SignInThrottleFilter.forApi(throttle), BasicAuthenticationFilter.class)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http, SessionRegistry sessionRegistry, SignInThrottle throttle)
                throws Exception {
            http.sessionManagement(s -> s.sessionConcurrency(c -> c.maximumSessions(-1)
                            .sessionRegistry(sessionRegistry)
                            .expiredUrl("/login?expired")))
                    .authorizeHttpRequests(a -> a.requestMatchers("/declare", "/declare/**")
                            .permitAll()
                            .requestMatchers(
                                    "/login",
                                    "/webjars/**",
                                    "/css/**",
                                    "/js/**",
                                    "/favicon.ico",
                                    "/error",
                                    "/api/docs/**",
                                    "/api/openapi/**",
                                    "/swagger-ui/**",
                                    "/v3/api-docs/**")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .formLogin(form -> form.loginPage("/login")
                            .defaultSuccessUrl("/", false)
                            .failureHandler(SignInAnswers.loginForm(throttle))
                            .permitAll())
                    .addFilterBefore(
                            SignInThrottleFilter.forLoginForm(throttle), UsernamePasswordAuthenticationFilter.class)
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
            return http.build();
        }
    }
}
