package dev.fabricscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real HTTP client against the server on 127.0.0.1, ephemeral port. */
class TextServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private TextBuffer buffer;
    private TextServer server;

    @BeforeEach
    void start() throws Exception {
        buffer = new TextBuffer(1 << 20, () -> { });
        server = TextServer.start(ListenAddress.parse("127.0.0.1:0"), buffer);
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.boundAddress().getPort() + pathAndQuery);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEverythingAndFlushesOnlyOnFlushTrue() throws Exception {
        // the sequence of hwipl/smc-go pkg/http/http_test.go (smc-clc's -http server)
        assertEquals("", get("/").body());
        buffer.append("hello world");
        assertEquals("hello world", get("/").body());
        assertEquals("hello world", get("/?flush=wrong").body());
        assertEquals("hello world", get("/?flush=wrong").body());
        assertEquals("hello world", get("/?flush=true").body());
        assertEquals("", get("/").body());
    }

    @Test
    void everyPathAndMethodServesTheTextAsPlainUtf8() throws Exception {
        buffer.append("line 1\nline 2\n");
        HttpResponse<String> r = get("/any/path/at/all.html?x=1");
        assertEquals(200, r.statusCode());
        assertEquals("line 1\nline 2\n", r.body());
        // what Go's net/http sniffs for text (smc-clc sets no type): text/plain; charset=utf-8
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        URI uri = URI.create("http://127.0.0.1:" + server.boundAddress().getPort() + "/");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString("ignored")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("line 1\nline 2\n", post.body());
    }

    @Test
    void saysSoWhenOlderTextWasDropped() throws Exception {
        server.close();
        buffer = new TextBuffer(10, () -> { });
        server = TextServer.start(ListenAddress.parse("127.0.0.1:0"), buffer);
        buffer.append("aaaa\n");
        buffer.append("bbbb\n");
        buffer.append("cccc\n");
        String body = get("/").body();
        assertTrue(body.startsWith("[fabricscope: 5 bytes of older output (1 writes) were dropped"), body);
        assertTrue(body.endsWith("]\nbbbb\ncccc\n"), body);
    }

    @Test
    void aTakenPortIsAGoLikeError() throws Exception {
        String taken = "127.0.0.1:" + server.boundAddress().getPort();
        IOException e = assertThrows(IOException.class,
            () -> TextServer.start(ListenAddress.parse(taken), new TextBuffer(10, () -> { })));
        // Go: "listen tcp 127.0.0.1:PORT: bind: address already in use"
        assertEquals("listen tcp " + taken + ": bind: address already in use", e.getMessage());
    }

    @Test
    void flushParameterIsReadAsGosUrlQueryGet() {
        assertEquals("true", TextServer.firstParameter("flush=true", "flush"));
        assertEquals("true", TextServer.firstParameter("a=1&flush=true", "flush"));
        assertEquals("false", TextServer.firstParameter("flush=false&flush=true", "flush"));
        assertEquals("true", TextServer.firstParameter("fl%75sh=tr%75e", "flush"));
        assertEquals("", TextServer.firstParameter("flush", "flush"));
        assertNull(TextServer.firstParameter("flush=true;x=1", "flush"), "Go rejects pairs with ';'");
        assertEquals("true", TextServer.firstParameter("flush=%zz&flush=true", "flush"), "a bad escape is skipped");
        assertNull(TextServer.firstParameter(null, "flush"));
    }
}
