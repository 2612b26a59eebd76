package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** HTTP, RTSP, FTP, SMTP and whois payloads against tcpdump 4.99 itself, in every verbosity, whole, cut and mutated. */
class TextProtocolFormatterTest extends TcpdumpConformance {
    private static Frame segment(int sport, int dport, String payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            payload.getBytes(StandardCharsets.ISO_8859_1), IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(segment(40000, 80, "GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: t\r\n\r\n"));
        f.add(segment(80, 40000, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
        f.add(segment(40000, 8080, "post /form HTTP/1.0\nContent-Type: text/plain\n\nbody"));
        f.add(segment(8080, 40000, "HTTP/1.1 404\r\n"));
        f.add(segment(80, 40000, "continuation of a body, no request line\r\n"));
        f.add(segment(40000, 80, "GET /no-line-end HTTP/1.1"));
        f.add(segment(40000, 80, "GET /cr\rx HTTP/1.1\r\n"));
        f.add(segment(40000, 80, "GET /bin\u0001ary\r\n"));
        f.add(segment(40000, 80, "G".repeat(127) + " x\r\n"));
        f.add(segment(40000, 80, "G".repeat(128) + " x\r\n"));
        f.add(segment(40000, 80, "\u00e9GET / HTTP/1.1\r\n"));
        f.add(segment(40000, 80, "HTTP/1.1  2000 Too long\r\n"));
        f.add(segment(40000, 80, "VERSION-CONTROL / HTTP/1.1\r\n\tfolded\r\n"));
        f.add(segment(40000, 554, "DESCRIBE rtsp://cam/stream RTSP/1.0\r\nCSeq: 2\r\n\r\n"));
        f.add(segment(8554, 40000, "RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n"));
        f.add(segment(40000, 21, "USER anonymous\r\n"));
        f.add(segment(21, 40000, "220-Welcome\r\n220 ready\r\n"));
        f.add(segment(40000, 25, "EHLO client.example\r\n"));
        f.add(segment(40000, 43, "example.com\r\n"));
        f.add(segment(40000, 21, "\u0000\u0001binary"));
        f.add(segment(22, 80, "GET / HTTP/1.1\r\n"));          // SSH's port comes first: no HTTP
        f.add(segment(25, 80, "GET / HTTP/1.1\r\n"));          // SMTP's comes before HTTP's
        for (String method : new String[] {"OPTIONS", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT", "PATCH",
            "PROPFIND", "MKCOL", "LOCK", "UNLOCK", "SEARCH", "COPY", "MOVE", "PROPPATCH", "BREW"}) {
            f.add(segment(40000, 80, method + " / HTTP/1.1\r\n"));
        }
        for (String method : new String[] {"OPTIONS", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "ANNOUNCE",
            "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD"}) {
            f.add(segment(40000, 554, method + " rtsp://cam/s RTSP/1.0\r\n"));
        }
        f.add(segment(25, 40000, "250-mx.example\r\n250 OK\r\n"));
        f.add(segment(40000, 25, "MAIL FROM:<a@b>\r\n"));
        f.add(segment(43, 40000, "% whois answer\nline two\n"));
        f.add(segment(21, 40000, "550 No such file\r\n"));
        f.add(segment(40000, 80, "HTTP/1.0 301 Moved\r\nLocation: /x\r\n\r\n"));
        f.add(segment(40000, 80, "\r\n"));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The TCP payload: after the TCP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    /** All but the frames that only go through methods or long request lines. */
    @Override
    List<Frame> cutFrames() {
        return frames().stream().filter(f -> f.bytes().length < 130).toList();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("TEXT", 80, 8));
    }
}
