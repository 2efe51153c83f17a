package org.trackbench.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.server.ServerStats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * API v1 on the JDK's HTTP server. Going offline closes the listening socket (clients see refused
 * connections); coming back opens it again on the same port.
 */
final class TrackingServer implements ReferenceServer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingServer.class);
    private static final Pattern EVENTS = Pattern.compile("/api/v1/time-entries/([^/]+)/events");
    private static final Pattern SCREENSHOTS = Pattern.compile("/api/v1/time-entries/([^/]+)/screenshots");
    private static final Pattern OMISSIONS = Pattern.compile("/api/v1/time-entries/([^/]+)/screenshots/omitted");
    private static final Pattern ITEMS = Pattern.compile("/api/v1/items/([A-Za-z0-9][A-Za-z0-9_.-]*)");
    private static final Pattern CLIENT_HEALTH = Pattern.compile("/api/v1/clients/([A-Za-z0-9][A-Za-z0-9_.-]{0,127})/health");
    private static final int MAX_REPORT_BYTES = 64 * 1024;

    private final ServerOptions options;
    private final ServerLedger ledger;
    private final FaultInjector faults;
    private final ObjectMapper json = new ObjectMapper();
    private final ClientReports reports;
    private final AdminApi admin;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "reference-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final int port;
    private final SSLContext tls;
    private HttpServer http;

    TrackingServer(ServerOptions options, Clock clock) throws IOException {
        this.options = options;
        this.tls = options.keyStore() == null ? null : ServerTls.context(options.keyStore(), options.keyStorePassword());
        this.ledger = new ServerLedger(options.dataDirectory(), clock);
        this.faults = new FaultInjector(options.faultSeed());
        this.reports = new ClientReports(json, clock);
        this.admin = new AdminApi(options.adminToken(), reports, ledger, rejected);
        this.http = listen(options.port());
        this.port = http.getAddress().getPort();
        LOG.info("Reference server listening on {}", baseUri());
    }

    private HttpServer listen(int onPort) throws IOException {
        InetSocketAddress address = new InetSocketAddress(options.host(), onPort);
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(address, 64);
        } else {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
        return server;
    }

    @Override
    public URI baseUri() {
        return URI.create((tls == null ? "http://" : "https://") + options.host() + ":" + port);
    }

    @Override
    public Faults faults() {
        return faults.faults();
    }

    @Override
    public synchronized void setFaults(Faults newFaults) {
        boolean wasOffline = faults.faults().offline();
        faults.set(newFaults);
        try {
            if (newFaults.offline() && !wasOffline) {
                http.stop(0);
                LOG.info("Reference server offline (connections refused)");
            } else if (!newFaults.offline() && wasOffline) {
                http = listen(port);
                LOG.info("Reference server back online on {}", baseUri());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port + " again: " + e.getMessage(), e);
        }
    }

    @Override
    public ServerStats stats() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        received.forEach((kind, count) -> counts.put(kind, count.sum()));
        return new ServerStats(counts, ledger.applied().size(), duplicates.get(), rejected.get(), injected.get());
    }

    @Override
    public List<AppliedItem> applied() {
        return ledger.applied();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/v1/health") && method.equals("GET")) {
                send(exchange, new Answer(200, "{\"status\":\"ok\"}"), null);
                return;
            }
            // Slow for everyone, the refused too: a client must cope with a 401 that arrives late.
            sleep(faults.faults().latency().toMillis());
            if (path.startsWith("/api/v1/admin/")) {
                admin.handle(exchange, path, method);
                return;
            }
            if (!authorized(exchange, options.token())) {
                rejected.incrementAndGet();
                send(exchange, Answer.error(401, "unauthorized", "a valid bearer token is required"), null);
                return;
            }
            if (path.startsWith("/admin/")) {
                AdminEndpoints.handle(this, json, exchange);
                return;
            }
            Matcher health = CLIENT_HEALTH.matcher(path);
            if (health.matches() && method.equals("PUT")) {
                byte[] report = exchange.getRequestBody().readNBytes(MAX_REPORT_BYTES + 1);
                send(exchange, report.length > MAX_REPORT_BYTES ? Answer.error(413, "too_large", "a health report is"
                        + " at most " + MAX_REPORT_BYTES + " bytes") : reports.put(health.group(1), report), null);
                return;
            }
            if (path.equals("/api/v1/time-entries") && method.equals("GET")) {
                send(exchange, TimeEntryQuery.answer(exchange.getRequestURI(), ledger), null);
                return;
            }
            if (!method.equals("POST")) {
                send(exchange, Answer.error(404, "not_found", method + " " + path + " is not part of API v1"), null);
                return;
            }
            handlePost(exchange, path);
        } catch (RuntimeException e) {
            LOG.warn("Reference server failed on {}", exchange.getRequestURI(), e);
        }
    }

    private void handlePost(HttpExchange exchange, String path) throws IOException {
        Matcher events = EVENTS.matcher(path);
        Matcher screenshots = SCREENSHOTS.matcher(path);
        Matcher omissions = OMISSIONS.matcher(path);
        Matcher items = ITEMS.matcher(path);
        String kind = events.matches() ? "event" : screenshots.matches() ? "screenshot" : omissions.matches() ? "omission"
                : items.matches() ? "item" : null;
        if (kind == null) {
            send(exchange, Answer.error(404, "not_found", "POST " + path + " is not part of API v1"), null);
            return;
        }
        received.computeIfAbsent(kind.equals("item") ? items.group(1) : kind, k -> new LongAdder()).increment();
        FaultInjector.Decision decision = faults.decide();
        if (decision.strike() == FaultInjector.Strike.ANSWER_ERROR) {
            injected.incrementAndGet();
            send(exchange, Answer.error(decision.status(), "injected", "fault injected by the reference server"),
                    faults.retryAfter(decision.status()));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!isUuid(key)) {
            rejected.incrementAndGet();
            send(exchange, Answer.error(400, "missing_idempotency_key", "Idempotency-Key must be a UUID, was '" + key + "'"), null);
            return;
        }
        byte[] body = readBody(exchange, decision.strike() == FaultInjector.Strike.DROP_MID_BODY);
        if (body == null) {
            return;
        }
        if (body.length > options.maxBodyBytes()) {
            rejected.incrementAndGet();
            send(exchange, Answer.error(413, "too_large", "body of " + body.length + " bytes exceeds "
                    + options.maxBodyBytes()), null);
            return;
        }
        String timeEntry = events.matches() ? events.group(1) : screenshots.matches() ? screenshots.group(1)
                : omissions.matches() ? omissions.group(1) : null;
        ApiRequest request = new ApiRequest(kind, timeEntry, items.matches() ? items.group(1) : null, key,
                fingerprint(path, body), body, exchange.getRequestHeaders().getFirst("Content-Type"),
                capturedAt(exchange.getRequestHeaders().getFirst("X-Captured-At")));
        ServerLedger.Result result = ledger.apply(request);
        if (result.duplicate()) {
            duplicates.incrementAndGet();
        } else if (!result.answer().isSuccess()) {
            rejected.incrementAndGet();
        }
        if (decision.strike() == FaultInjector.Strike.DROP_AFTER_APPLY) {
            injected.incrementAndGet();
            abort(exchange);
            return;
        }
        send(exchange, result.answer(), null);
    }

    /** Reads the body, or half of it and then drops the connection when the fault says so (returns null). */
    private byte[] readBody(HttpExchange exchange, boolean dropHalfway) throws IOException {
        InputStream in = exchange.getRequestBody();
        if (!dropHalfway) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes() + 1));
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long half = length == null ? 1 : Long.parseLong(length) / 2;
        in.readNBytes((int) Math.min(half, 1 << 20));
        injected.incrementAndGet();
        abort(exchange);
        return null;
    }

    /**
     * Closes the connection without an answer, as a crashed server or a broken network would: an exchange
     * closed before its response headers are sent closes its connection.
     */
    private static void abort(HttpExchange exchange) {
        exchange.close();
    }

    static void send(HttpExchange exchange, Answer answer, String retryAfter) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static boolean authorized(HttpExchange exchange, String token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUuid(String key) {
        try {
            return key != null && UUID.fromString(key).toString().equalsIgnoreCase(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant capturedAt(String header) {
        try {
            return header == null ? null : Instant.parse(header);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        http.stop(0);
        workers.shutdownNow();
        ledger.close();
        LOG.info("Reference server on port {} stopped", port);
    }
}
