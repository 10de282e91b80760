package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.Flow;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A 100 MB department file over the real HTTP stack: the API refuses it from its declared length before reading it,
 * with a problem detail, and no batch is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
class UploadLimitTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHundredMegabyteBatchIsRefusedWithAReasonAndNothingStored() throws Exception {
        BulwarkUser officer = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        long batches = jdbc.sql("select count(*) from exchange_batch")
                .query(Long.class)
                .single();
        String auth =
                Base64.getEncoder().encodeToString((officer.getUsername() + ":" + TestFixtures.PASSWORD).getBytes());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/exchange/medical_settlement/files"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.fromPublisher(zeros(HUNDRED_MB), HUNDRED_MB))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileSending) {
            // the server may answer and close before the client has sent everything; then nothing was read either
            response = null;
        }
        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("limited to").contains("too-large");
        }
        assertThat(jdbc.sql("select count(*) from exchange_batch")
                        .query(Long.class)
                        .single())
                .isEqualTo(batches);
    }

    /** A body of zeros produced as it is sent, so the test holds no 100 MB in memory. */
    private static Flow.Publisher<ByteBuffer> zeros(long size) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            long sent;
            boolean done;

            @Override
            public void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    int chunk = (int) Math.min(64 * 1024, size - sent);
                    if (chunk <= 0) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    sent += chunk;
                    subscriber.onNext(ByteBuffer.allocate(chunk));
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
