package org.bulwark.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restart, requests the public pages and the static files once, over HTTP from the server itself, so that
 * the first visitor does not pay for what every request needs the first time: loading and compiling the classes of
 * the filter chain, Spring MVC and Thymeleaf, parsing the layout, reading the message bundles, resolving the WebJars
 * and compressing the static files (issue 14, item 28: the first page after a restart took seconds). Only pages
 * anyone may open are requested, and through the whole security filter chain as a browser's request is; a protected
 * page is asked for without a session, which is answered with the redirect to the sign-in page. Runs in the
 * background once the platform is up; {@code bulwark.warm-up.enabled=false} turns it off (the tests do).
 */
@Component
public class FirstRequestWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FirstRequestWarmUp.class);

    /** Public pages, and one protected page (answered with the redirect to the sign-in page). */
    static final List<String> PAGES = List.of("/login", "/declare", "/declare/status", "/");

    /** Static files only some pages load (the charts), besides those the pages above link to. */
    static final List<String> CHART_FILES = List.of("/webjars/echarts/dist/echarts.common.min.js", "/js/dashboard.js");

    /** How often each page is requested. */
    static final int ROUNDS = 5;

    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    private final boolean enabled;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    FirstRequestWarmUp(@Value("${bulwark.warm-up.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        if (enabled && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            Thread thread = new Thread(() -> warmUp(port), "warm-up-requests");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Requests each public page and static file once; the status of each, by path. */
    Map<String, Integer> warmUp(int port) {
        long start = System.nanoTime();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Set<String> files = new LinkedHashSet<>();
        // a few times over: the code every page runs (filters, rendering, escaping) is compiled after some use
        for (int round = 1; round < ROUNDS; round++) {
            PAGES.forEach(page -> get(port, page, false, new LinkedHashMap<>()));
        }
        for (String page : PAGES) {
            HttpResponse<String> response = get(port, page, false, statuses);
            if (response != null) {
                Matcher link = STATIC_LINK.matcher(response.body());
                while (link.find()) {
                    files.add(link.group(1).replace("&amp;", "&"));
                }
            }
        }
        files.addAll(CHART_FILES);
        // compressed, as a browser asks for them
        files.forEach(file -> get(port, file, true, statuses));
        log.info(
                "Warmed up {} public pages and static files in {} ms",
                statuses.size(),
                (System.nanoTime() - start) / 1_000_000);
        return statuses;
    }

    private HttpResponse<String> get(int port, String path, boolean gzip, Map<String, Integer> statuses) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,*/*")
                .header("Accept-Language", "zh-CN,zh")
                .timeout(Duration.ofSeconds(30));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.put(path, response.statusCode());
            return response;
        } catch (IOException e) {
            // a warm-up that fails leaves the server as it was: the first visitor pays, nothing else happens
            log.debug("Warm-up request {} failed", path, e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
