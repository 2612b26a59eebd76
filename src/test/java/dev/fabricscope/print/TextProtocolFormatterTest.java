package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP, RTSP, FTP, SMTP and whois payloads against tcpdump 4.99 itself, in every verbosity, whole and cut. */
class TextProtocolFormatterTest {
    @TempDir
    Path dir;

    private static Frame segment(int sport, int dport, String payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            payload.getBytes(StandardCharsets.ISO_8859_1), IP_A, IP_B))));
    }

    static List<Frame> frames() {
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
        return f;
    }

    @Test
    void wholePayloadsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-q");
    }

    @Test
    void cutPayloadsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }
}
