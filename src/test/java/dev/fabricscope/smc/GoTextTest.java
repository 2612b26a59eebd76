package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Go renderings smc-clc relies on. Expected strings are Go's documented net.IP.String behaviour (RFC 5952
 * "::" for the first longest run of two or more zero groups, IPv4-mapped shown dotted; examples from the Go
 * net package tests) and encoding/hex.Dump's format as in synthetic-4conn.smc-clc-reserved-hex.txt.
 */
class GoTextTest {
    private static String ip(String hex) {
        return GoText.ip(HexFormat.of().parseHex(hex));
    }

    @Test
    void ipv6LikeGo() {
        assertEquals("::", ip("00000000000000000000000000000000"));
        assertEquals("::1", ip("00000000000000000000000000000001"));
        assertEquals("2001:db8::123:12:1", ip("20010db8000000000000012300120001"));
        assertEquals("2001:db8:0:1:0:1:0:1", ip("20010db8000000010000000100000001")); // single zero groups stay
        assertEquals("2001:0:0:1::1", ip("20010000000000010000000000000001")); // longer second run wins
        assertEquals("2001:db8::1:0:0:1", ip("20010db8000000000001000000000001")); // tie: first run
        assertEquals("10.1.2.3", ip("00000000000000000000ffff0a010203"));
        assertEquals("fe80::9a03:9bff:feab:cdef", ip("fe800000000000009a039bfffeabcdef"));
        assertEquals("127.0.0.1", ip("7f000001"));
    }

    @Test
    void addressesAndTimestamp() {
        assertEquals("[fe80::1]", "[" + GoText.ip(HexFormat.of().parseHex("fe800000000000000000000000000001")) + "]");
        assertEquals("fe80::1:22 -> 2001:db8::1:33", SmcClcFormatter.addresses(
            HexFormat.of().parseHex("fe800000000000000000000000000001"), 22,
            HexFormat.of().parseHex("20010db8000000000000000000000001"), 33));
        // synthetic captures start 2020-01-02T03:04:05Z; Go's .000000 truncates
        StringBuilder time = new StringBuilder();
        new dev.fabricscope.print.TimestampFormatter(ZoneOffset.UTC).format(1577934245_000_001_999L, time);
        assertEquals("03:04:05.000001", time.toString());
    }

    @Test
    void hexDumpLikeGo() {
        dev.fabricscope.print.Latin1Builder sb = new dev.fabricscope.print.Latin1Builder(16);
        GoText.hexDump(HexFormat.of().parseHex("e2d4c3d904001c102525252525252500" + "0303000000000000e2d4c3d9"), sb);
        // synthetic-4conn.smc-clc-reserved-hex.txt, the v1 Decline
        assertEquals("00000000  e2 d4 c3 d9 04 00 1c 10  25 25 25 25 25 25 25 00  |........%%%%%%%.|\n"
            + "00000010  03 03 00 00 00 00 00 00  e2 d4 c3 d9              |............|\n", sb.toString());
    }

    /** smc-go prints an EID up to its first NUL without trailing spaces, as raw bytes (Go strings are bytes). */
    @Test
    void eidsAreTheirRawBytes() {
        byte[] eid = {'S', 'M', 'C', (byte) 0xe9, ' ', ' ', 0, 'x'};
        dev.fabricscope.print.Latin1Builder out = new dev.fabricscope.print.Latin1Builder(4);
        GoText.appendEid(out.append('['), eid).append(']');
        assertEquals("5b534d43e95d", HexFormat.of().formatHex(java.util.Arrays.copyOf(out.array(), out.length())));
        assertEquals("SMC\u00e9", GoText.eid(eid));
        assertEquals("", GoText.eid(new byte[] {' ', ' '}));
    }

    /** Go's %#x: "0x" and lower-case digits without leading zeros for numbers, two per byte for arrays, "" for none. */
    @Test
    void hexLikeGo() {
        assertEquals("0x0", GoText.hex(0));
        assertEquals("0xf0a60000", GoText.hex(0xf0a60000L));
        assertEquals("0xffffffffffffffff", GoText.hex(-1L));
        assertEquals("0x0102ff", GoText.hex(new byte[] {1, 2, (byte) 0xff}));
        assertEquals("", GoText.hex(new byte[0]));
        assertEquals("98:03:9b:ab:cd:ef", GoText.mac(0x98039babcdefL));
    }
}
