package org.bulwark.home;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.util.SessionConfig;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdPage;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a restart, renders the protected pages whose first answer is slowest cold — a household file of each province,
 * the dashboard and the warnings — over the server itself, so that the first official to open them after a restart
 * does not pay for compiling their templates, expressions and sections' code and for the database's first reads
 * (issue 14, item 28: every page's first load under 1 s). The public pages are warmed by {@code FirstRequestWarmUp}.
 *
 * <p>A protected page renders only for a signed-in user, and the warm-up has no account and no password. It acts as
 * an account-less principal of the province, like the command line's tasks and {@link CurrentUser#actAs}: it puts
 * that principal into a session it creates in the server's own session manager, requests the pages over the loopback
 * interface with that session, and ends the session at once. The session's identifier never leaves the process; no
 * sign-in happens, no account is made, the pages' answers are dropped, and nothing is audited (reading a file in the
 * masked view is not). {@code bulwark.warm-up.enabled=false} turns it off (the tests do).
 */
@Component
class PageWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PageWarmUp.class);

    /** How often each page is requested: the code the pages run is compiled after some use. */
    static final int ROUNDS = 3;

    /** The pages besides the household file, as a county official opens them first. */
    static final List<String> PAGES = List.of("/dashboard", "/warnings");

    private final Registry registry;
    private final Regions regions;
    private final boolean enabled;
    private volatile WebServer server;

    PageWarmUp(Registry registry, Regions regions, @Value("${bulwark.warm-up.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.regions = regions;
        this.enabled = enabled;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        server = event.getWebServer();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled && server instanceof TomcatWebServer) {
            Thread thread = new Thread(this::warmUp, "warm-up-pages");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Each page requested with its last status, by path; empty when the platform serves no pages. */
    Map<String, Integer> warmUp() {
        long start = System.nanoTime();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        if (!(server instanceof TomcatWebServer tomcat)) {
            return statuses;
        }
        try {
            for (Region province : regions.provinces()) {
                warmUp(tomcat, province.code(), statuses);
            }
            log.info(
                    "Warmed up {} protected page(s) in {} ms",
                    statuses.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails leaves the pages as they were: the first visitor pays
            log.warn("Warming up the protected pages failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return statuses;
    }

    private void warmUp(TomcatWebServer tomcat, String province, Map<String, Integer> statuses)
            throws IOException, InterruptedException {
        BulwarkUser principal = BulwarkUser.system("warm-up", Role.PROVINCE_ADMIN, province);
        Long household = firstHousehold(principal);
        if (household == null) {
            return;
        }
        Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().createSession(null);
        try {
            session.getSession()
                    .setAttribute(
                            HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                            new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                                    principal, null, principal.getAuthorities())));
            String cookie = SessionConfig.getSessionCookieName(context) + "=" + session.getIdInternal();
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (String path : paths(household)) {
                for (int round = 0; round < ROUNDS; round++) {
                    statuses.put(path, get(client, tomcat.getPort(), path, cookie));
                }
            }
        } finally {
            session.expire();
        }
    }

    private Long firstHousehold(BulwarkUser principal) {
        try (var acting = CurrentUser.actAs(principal)) {
            HouseholdPage households = registry.search(new HouseholdSearch("", principal.regionCode(), null, 0, 1));
            return households.items().isEmpty()
                    ? null
                    : households.items().get(0).id();
        }
    }

    private static List<String> paths(long household) {
        return Stream.concat(Stream.of("/households/" + household), PAGES.stream())
                .toList();
    }

    private static int get(HttpClient client, int port, String path, String cookie)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookie)
                .header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
