package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RPKI-RTR (RFC 6810, TCP 323) against tcpdump 4.99 itself. A PDU: version, type, session ID or error code (16 bits),
 * length (32 bits, the whole PDU), then by type: a serial (Serial Notify, Serial Query, End of Data), nothing (Reset
 * Query, Cache Reset, Cache Response), flags, prefix length, max length, zero, the prefix and origin AS (IPv4 and
 * IPv6 Prefix), or an error report's encapsulated PDU length, that PDU, the text length and text. Every type, several
 * PDUs in a segment, nested and wrapping error reports, every length check, later versions, the port order around
 * 323; whole, cut after every byte and mutated.
 */
class RpkiRtrFormatterTest extends TcpdumpConformance {
    static byte[] header(int version, int type, int sessionOrCode, long length) {
        return concat(new byte[] {(byte) version, (byte) type}, u16(sessionOrCode), u32(length));
    }

    static byte[] errorReport(int code, byte[] encapsulated, String text) {
        byte[] body = concat(u32(encapsulated.length), encapsulated, u32(text.length()), ascii(text));
        return concat(header(0, 10, code, 8 + body.length), body);
    }

    static Frame segment(int sport, int dport, byte[]... pdus) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            concat(pdus), IP_A, IP_B))));
    }

    static Frame rtr(byte[]... pdus) {
        return segment(RpkiRtrFormatter.PORT, 40000, pdus);
    }

    static final byte[] SERIAL_QUERY = concat(header(0, 1, 0x1234, 12), u32(0xffffffffL));
    static final byte[] IPV4_PREFIX = concat(header(0, 4, 0, 20), hex("01 18 20 00 0a010200"), u32(65001));

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(rtr(header(0, 0, 0xbeef, 12), u32(42)));
        f.add(rtr(SERIAL_QUERY));
        f.add(rtr(header(0, 2, 0, 8)));
        f.add(rtr(header(0, 3, 0xbeef, 8)));
        f.add(rtr(IPV4_PREFIX));
        f.add(rtr(header(0, 6, 0, 32), hex("00 30 40 00"), IP6_B, u32(4200000000L)));
        f.add(rtr(header(0, 7, 0x0001, 12), u32(43)));
        f.add(rtr(header(0, 8, 0, 8)));
        // a whole response in one segment
        f.add(rtr(header(0, 3, 7, 8), IPV4_PREFIX, IPV4_PREFIX, header(0, 7, 7, 12), u32(9)));
        // error reports: with a PDU and text, empty, an unknown code, an error report in one, an unknown type in one
        f.add(rtr(errorReport(3, SERIAL_QUERY, "bad query \u0001\u00ff")));
        f.add(rtr(errorReport(2, new byte[0], "")));
        f.add(rtr(errorReport(99, header(0, 2, 0, 8), "x")));
        f.add(rtr(errorReport(7, errorReport(1, IPV4_PREFIX, "inner"), "outer")));
        f.add(rtr(errorReport(5, concat(header(0, 9, 0, 12), hex("01020304")), "")));
        f.add(rtr(errorReport(0, concat(header(1, 2, 0, 8)), "")));
        f.add(rtr(errorReport(4, hex("0002"), "")));
        // error reports whose lengths do not fit: the encapsulated PDU, the text, too short; one that wraps in 32 bits
        f.add(rtr(header(0, 10, 3, 20), u32(9), SERIAL_QUERY, hex("00000000")));
        f.add(rtr(header(0, 10, 3, 20), u32(0), u32(5), hex("6162")));
        f.add(rtr(header(0, 10, 3, 10), hex("0000")));
        f.add(rtr(header(0, 10, 3, 24), u32(0xfffffff8L), header(0, 2, 0, 8), u32(0)));
        f.add(rtr(header(0, 10, 3, 24), u32(0xfffffff8L), header(0, 9, 0, 8), u32(0)));
        // unknown types in hex; lengths that do not fit; later versions; headers too short
        f.add(rtr(header(0, 5, 0, 16), hex("0102030405060708")));
        f.add(rtr(header(0, 0xff, 0, 8)));
        f.add(rtr(header(0, 0, 0, 16), u32(1), u32(2)));
        f.add(rtr(header(0, 2, 0, 12), u32(1)));
        f.add(rtr(header(0, 3, 0, 4)));
        f.add(rtr(header(0, 4, 0, 24), new byte[16]));
        f.add(rtr(header(0, 6, 0, 20), new byte[12]));
        f.add(rtr(header(0, 7, 0, 40), u32(1)));
        f.add(rtr(header(0, 2, 0, 8), header(1, 2, 0, 8), header(0, 2, 0, 8)));
        f.add(rtr(header(2, 0, 0, 12)));
        f.add(rtr(hex("0000000000")));
        f.add(rtr(header(0, 2, 0, 8), hex("00")));
        // tcpdump's port order: DNS before RPKI-RTR, RPKI-RTR before LDP (MSDP before RPKI-RTR: see portOrder); over
        // IPv6
        f.add(segment(53, RpkiRtrFormatter.PORT, header(0, 2, 0, 8)));
        f.add(segment(646, RpkiRtrFormatter.PORT, header(0, 2, 0, 8)));
        f.add(new Frame(ethernet(0x86dd, ipv6(6, tcp(40000, RpkiRtrFormatter.PORT, 1, 2, 0x018, 502, 0, new byte[0],
            SERIAL_QUERY, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    @Test
    void portOrder() {
        assertEquals(TcpPorts.Decoder.DNS, TcpPorts.decoder(53, RpkiRtrFormatter.PORT));
        assertEquals(TcpPorts.Decoder.MSDP, TcpPorts.decoder(RpkiRtrFormatter.PORT, 639));
        assertEquals(TcpPorts.Decoder.RPKI_RTR, TcpPorts.decoder(RpkiRtrFormatter.PORT, 646));
        assertEquals(TcpPorts.Decoder.RPKI_RTR, TcpPorts.decoder(40000, RpkiRtrFormatter.PORT));
    }

    /** The PDUs: after the IPv4 and TCP headers (the IPv6 frame is cut and mutated from the same byte). */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RPKI_RTR", 323, 10, 4, 12, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv");
    }
}
