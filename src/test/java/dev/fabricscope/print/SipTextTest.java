package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SIP over UDP 5060 (RFC 3261 request and status lines, header lines) through the text-protocol printer against
 * tcpdump 4.99 itself: each method tcpdump knows, any case, responses by their status code, continuations and
 * binary payloads that are neither, lone CRs and unterminated lines, whole, cut after every byte and mutated.
 */
class SipTextTest extends TcpdumpConformance {
    static Frame sip(int sport, int dport, String text) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, data, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        String headers = "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        for (String m : new String[] {"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
                "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH", "invite", "FETCH"}) {
            f.add(sip(5060, 5060, m + " sip:bob@example.com SIP/2.0\r\n" + headers));
        }
        f.add(sip(5060, 40000, "SIP/2.0 200 OK\r\n" + headers));
        f.add(sip(40000, 5060, "SIP/2.0 1800 Ringing\r\n"));                        // not a 3-digit code
        f.add(sip(5060, 5060, "v=0\r\no=- 0 0 IN IP4 10.0.0.1\r\n"));               // a continuation
        f.add(sip(5060, 5060, "INVITE sip:bob@example.com SIP/2.0\nVia: x\n"));     // LF ends lines
        f.add(sip(5060, 5060, "INVITE sip:bob@example.com SIP/2.0\rVia: x\r\n"));   // lone CR
        f.add(sip(5060, 5060, "INVITE sip:bob@example.com SIP/2.0"));               // no line end
        f.add(sip(5060, 5060, "INVITE sip:b\u0001b SIP/2.0\r\n"));                  // unprintable
        f.add(sip(5060, 5060, "INVITE\r\n"));
        f.add(sip(5060, 5060, "\r\n\r\n"));                                         // keep-alive
        f.add(sip(5060, 5060, ""));
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(5060, 5060, hex("00010203ff"), IP_A, IP_B)))));
        return f;
    }

    /** The SIP text: after the IPv4 and UDP headers. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SIP", 5060, 6))
            .cut("-x", "-v")
            .allocation("", "-v");
    }
}
