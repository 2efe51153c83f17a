package org.trackbench.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.UnreadableItemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends one item with Apache HttpClient 5 (pooled, bounded, no automatic retries: the queue owns retries)
 * and classifies what came back. Bodies stream from the queue; the token is added here and nowhere else.
 */
final class HttpSender implements AutoCloseable {

    private static final int MAX_REASON_CHARS = 300;

    private final SyncOptions options;
    private final QueueStore store;
    private final AnswerClassifier classifier;
    private final ClockOffset clockOffset;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    HttpSender(SyncOptions options, QueueStore store, AnswerClassifier classifier, ClockOffset clockOffset,
            Clock clock) {
        this.clockOffset = clockOffset;
        this.clock = clock;
        this.options = options;
        this.store = store;
        this.classifier = classifier;
        Timeout connect = Timeout.of(options.connectTimeout());
        Timeout response = Timeout.of(options.responseTimeout());
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create();
        if (options.trustedCertificates() != null) {
            // Host names are still verified: the default verifier stays in place.
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(TrustedCertificates.context(options.trustedCertificates())));
        }
        this.client = HttpClients.custom()
                .setConnectionManager(connections
                        .setMaxConnTotal(options.concurrency()).setMaxConnPerRoute(options.concurrency())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .setUserAgent("Trackbench").build();
    }

    /**
     * Sends {@code item} as {@code request} describes, with the bearer {@code token}. The handler's headers go first:
     * {@code Authorization} and {@code Idempotency-Key} are the sync's alone.
     */
    Delivery send(QueueItem item, OutboundRequest request, String token) {
        HttpUriRequestBase http;
        try {
            http = new HttpUriRequestBase(request.method(), options.server().resolve(options.server().getPath() + request.path()));
        } catch (IllegalArgumentException e) {
            return new Delivery.Rejected("the " + item.entityType() + " handler gave the path '" + request.path()
                    + "', which is not a valid URL path: " + e.getMessage());
        }
        // A loop, not a method reference: one would name the declaring class, in a package this bundle does not import.
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            http.setHeader(header.getKey(), header.getValue());
        }
        http.setHeader("Authorization", "Bearer " + token);
        http.setHeader("Idempotency-Key", item.idempotencyKey().toString());
        try (InputStream blob = request.body() == OutboundRequest.Body.BLOB ? store.openBlob(item.id()) : null) {
            http.setEntity(entity(item, request, blob));
            Instant sent = clock.instant();
            return client.execute(http, response -> classify(response, sent));
        } catch (UnreadableItemException e) {
            return new Delivery.Rejected("unreadable: " + e.getMessage());
        } catch (QueueException e) {
            // The store could not read the item now (secure storage, the disk): a counted retry, never a rejection.
            return new Delivery.RetryLater(e.getMessage(), true, null);
        } catch (UnknownHostException | ConnectException | ConnectTimeoutException | NoRouteToHostException e) {
            return new Delivery.Unavailable("cannot reach " + options.server().getHost() + ": " + e.getMessage(), null);
        } catch (SSLException e) {
            // Not this item's fault and not worth hammering: back off as a whole, as when offline.
            return new Delivery.Unavailable("TLS with " + options.server().getHost() + " failed (" + e.getMessage()
                    + "); is the server's certificate trusted? See trustedCertificates", null);
        } catch (IOException e) {
            return new Delivery.RetryLater(e.getClass().getSimpleName() + ": " + e.getMessage(), false, null);
        }
    }

    /** Whether {@code GET /api/v1/health} answers 2xx: the probe before sending again after an outage. */
    boolean healthy() {
        try {
            Instant sent = clock.instant();
            return client.execute(new HttpGet(api("/api/v1/health")),
                    response -> {
                        measure(response, sent);
                        EntityUtils.consume(response.getEntity());
                        return response.getCode() >= 200 && response.getCode() < 300;
                    });
        } catch (IOException e) {
            return false;
        }
    }

    /** PUTs the JSON {@code body} to {@code path} of the API with the bearer {@code token}; returns the answer's status. */
    int putJson(String path, String body, String token) throws IOException {
        HttpPut put = new HttpPut(api(path));
        put.setHeader("Authorization", "Bearer " + token);
        put.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        Instant sent = clock.instant();
        return client.execute(put, response -> {
            Instant received = clock.instant();
            Instant serverTime = response.getCode() == 200 ? serverTime(response.getEntity()) : null;
            if (serverTime != null) {
                clockOffset.measuredAgainst(sent, received, serverTime);
            } else {
                measure(response, sent);
            }
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    /**
     * GETs {@code path} of the API with the bearer {@code token}.
     *
     * @throws IOException also when the answer is not 2xx, with the server's reason
     */
    JsonNode getJson(String path, String token) throws IOException {
        HttpGet get = new HttpGet(api(path));
        get.setHeader("Authorization", "Bearer " + token);
        get.setHeader("Accept", "application/json");
        Instant sent = clock.instant();
        return client.execute(get, response -> {
            measure(response, sent);
            if (response.getCode() < 200 || response.getCode() >= 300) {
                String reason = reason(response.getEntity());
                throw new IOException("HTTP " + response.getCode() + (reason == null ? "" : ": " + reason));
            }
            if (response.getEntity() == null) {
                throw new IOException("HTTP " + response.getCode() + " without a body; expected JSON");
            }
            try (InputStream body = response.getEntity().getContent()) {
                return json.readTree(body);
            }
        });
    }

    /** The {@code serverTime} of a small JSON answer, if it has one. */
    private Instant serverTime(HttpEntity entity) {
        try {
            JsonNode answer = entity == null ? null : json.readTree(EntityUtils.toString(entity, 64 * 1024));
            return answer == null || !answer.path("serverTime").isTextual() ? null
                    : Instant.parse(answer.get("serverTime").asText());
        } catch (IOException | ParseException | DateTimeParseException e) {
            return null;
        }
    }

    private URI api(String path) {
        return options.server().resolve(options.server().getPath() + path);
    }

    private static HttpEntity entity(QueueItem item, OutboundRequest request, InputStream blob) {
        ContentType type = ContentType.parse(request.contentType());
        if (blob != null) {
            return new InputStreamEntity(blob, item.blobSize(), type);
        }
        return new StringEntity(item.payload(), type.getCharset() == null ? type.withCharset(StandardCharsets.UTF_8) : type);
    }

    /** Every answer says what time the server has: the clock offset is measured from it. */
    private void measure(ClassicHttpResponse response, Instant sent) {
        Header date = response.getFirstHeader("Date");
        clockOffset.measured(sent, clock.instant(), date == null ? null : date.getValue());
    }

    private Delivery classify(ClassicHttpResponse response, Instant sent) throws IOException {
        measure(response, sent);
        Header retryAfter = response.getFirstHeader("Retry-After");
        int status = response.getCode();
        String reason = status >= 300 ? reason(response.getEntity()) : null;
        EntityUtils.consume(response.getEntity());
        return classifier.classify(status, reason, retryAfter == null ? null : retryAfter.getValue());
    }

    /** The server's {@code message} from its JSON error body, else the start of the body. */
    private String reason(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        String body;
        try {
            body = EntityUtils.toString(entity, 64 * 1024);
        } catch (ParseException e) {
            return null;
        }
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                return truncate(error.get("message").asText());
            }
        } catch (IOException notJson) {
            // A proxy's HTML error page, say: its start still tells an admin something.
        }
        return truncate(body.strip());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Closes every connection at once: the requests in flight fail now instead of at their timeouts. */
    void abort() {
        client.close(CloseMode.IMMEDIATE);
    }
}
