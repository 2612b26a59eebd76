package dev.fabricscope.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link TextBuffer} over HTTP as smc-clc's -http mode does: every path and every method answer
 * 200 with {@code text/plain; charset=utf-8} holding everything printed so far; {@code ?flush=true}
 * (the first "flush" parameter, exactly "true") also empties the buffer. When older text was dropped to
 * stay within the buffer's bound, the body starts with one line saying how much.
 */
public final class TextServer implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final TextBuffer buffer;

    private TextServer(HttpServer server, ExecutorService executor, TextBuffer buffer) {
        this.server = server;
        this.executor = executor;
        this.buffer = buffer;
    }

    /**
     * Binds exactly {@code address} and starts serving.
     *
     * @throws IOException with a Go-like message, e.g. "listen tcp 127.0.0.1:8080: bind: address already in use"
     */
    public static TextServer start(ListenAddress address, TextBuffer buffer) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(address.socket(), 0);
        } catch (BindException e) {
            String why = e.getMessage() == null ? "cannot bind" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            throw new IOException("listen tcp " + address.text() + ": bind: " + why, e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        TextServer text = new TextServer(server, executor, buffer);
        server.createContext("/", text::handle);
        server.setExecutor(executor);
        server.start();
        return text;
    }

    /** The address actually bound (the port is known here when 0 was asked for). */
    public InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean flush = "true".equals(firstParameter(exchange.getRequestURI().getRawQuery(), "flush"));
            TextBuffer.Snapshot snapshot = buffer.snapshot(flush);
            byte[] notice = snapshot.droppedBytes() == 0 ? new byte[0] : dropNotice(snapshot).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            long length = (long) notice.length + snapshot.text().length;
            exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
            if (length == 0) return;
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(notice);
                body.write(snapshot.text());
            }
        }
    }

    private String dropNotice(TextBuffer.Snapshot snapshot) {
        return "[fabricscope: " + snapshot.droppedBytes() + " bytes of older output (" + snapshot.droppedWrites()
            + " writes) were dropped: the buffer keeps the newest " + buffer.limitBytes()
            + " bytes; fetch with ?flush=true to take and clear it]\n";
    }

    /**
     * The first value of {@code name} in a raw query, decoded as Go's url.ParseQuery does ('+' is a space,
     * %XX escapes); pairs with a ';' or a bad escape are skipped as Go skips them. Null when absent.
     */
    static String firstParameter(String rawQuery, String name) {
        if (rawQuery == null) return null;
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.indexOf(';') >= 0) continue;
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException badEscape) {
                // Go's ParseQuery drops this pair and goes on
            }
        }
        return null;
    }

    /** Stops listening at once and ends open exchanges. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
