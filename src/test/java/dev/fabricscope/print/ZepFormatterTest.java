package dev.fabricscope.print;

import static dev.fabricscope.print.Ieee802154FormatterTest.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ZEP on UDP 17754 against tcpdump 4.99 itself: version 1 (CRC or LQI), version 2's ACK and data headers with their
 * timestamps (fractions through tcpdump's float, the era's wrap, zero), the 802.15.4 frame of the inner length (shorter
 * and longer than what follows, an error that leaves the default dump), bad preambles and short headers; in every
 * verbosity, cut after every byte, seeded mutants; timestamps in other zones; ZEP's place among the UDP ports.
 */
class ZepFormatterTest extends TcpdumpConformance {
    static final byte[] DATA = fcs16(frame(fc(Ieee802154FormatterTest.DATA, 1 << 6, SHORT, 1, SHORT),
        "2a cdab 3412 7856 41424344"));

    static Frame zep(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static Frame zep(byte[] payload) {
        return zep(40000, ZepFormatter.PORT, payload);
    }

    /** Version 1: preamble, version, channel, device, CRC/LQI mode, LQI, 7 reserved bytes, the inner length. */
    static byte[] v1(int crcMode, int innerLength, byte[] frame) {
        return concat(hex("4558 01 0b 1234"), new byte[] {(byte) crcMode, (byte) 0xc8}, zeros(7),
            new byte[] {(byte) innerLength}, frame);
    }

    /** Version 2 data: type 1, channel, device, CRC/LQI mode, LQI, NTP timestamp, sequence, 10 reserved, length. */
    static byte[] v2(int crcMode, String timestamp, int innerLength, byte[] frame) {
        return concat(hex("4558 02 01 0f abcd"), new byte[] {(byte) crcMode, 0x40}, hex(timestamp), u32(0x01020304L),
            zeros(10), new byte[] {(byte) innerLength}, frame);
    }

    static List<Frame> timestampFrames() {
        List<Frame> f = new ArrayList<>();
        for (String ts : new String[] {"e8a1b2c3 80000000", "83aa7e80 00000000", "00000001 ffffffff",
            "ffffffff 00000001", "00000000 12345678", "7fffffff 3fffffff", "dbc3f5a0 0000ffff"}) {
            f.add(zep(v2(0, ts, DATA.length, DATA)));
        }
        return f;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(zep(v1(1, DATA.length, DATA)));
        f.add(zep(v1(0, DATA.length, DATA)));
        f.add(zep(ZepFormatter.PORT, 40000, v1(0, 3, DATA)));            // shorter than what follows: not dumped
        f.add(zep(v1(0, DATA.length + 6, DATA)));                         // longer: the frame read past the datagram
        f.add(zep(v1(0, 0, DATA)));                                        // no frame: the default dump
        f.add(zep(v1(0, 1, DATA)));                                        // shorter than a frame control
        f.add(zep(v1(0, 4, hex("04001122"))));                             // reserved frame type: dumped again
        f.add(zep(hex("4558 01 0b 1234 00 c8")));                          // short headers
        f.add(zep(hex("4558 02 02 00000007")));                             // ACK
        f.add(zep(hex("4558 03 02 00000008 aabb")));
        f.add(zep(hex("4558 02 02 0000")));
        f.add(zep(hex("4558 02 01 0f abcd 00 40")));
        f.addAll(timestampFrames());
        f.add(zep(v2(1, "e8a1b2c3 80000000", DATA.length, DATA)));
        f.add(zep(v2(0, "e8a1b2c3 80000000", 0, hex("0102"))));
        f.add(zep(concat(hex("4558 07 05 0f abcd 00 40"), zeros(23), new byte[] {2}, hex("0200"))));
        f.add(zep(hex("4559 01")));                                         // bad preambles
        f.add(zep(hex("8a0d 01")));
        f.add(zep(hex("45")));
        f.add(zep(hex("")));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ZEP", ZepFormatter.PORT, 20))
            .whole("", "-v", "-vvv", "-q", "-x")
            .cut("-x", "-vvv -x", "-vvv");
    }

    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    /** tcpdump's localtime: zones with and without summer time, tcpdump's TZ and the printer's zone the same. */
    @Test
    void timestampsInOtherZonesAsTcpdump() throws Exception {
        for (String zone : new String[] {"Asia/Kolkata", "Europe/Berlin", "America/New_York"}) {
            TcpdumpOracle.assertPrintsAsTcpdump(dir, timestampFrames(), ZoneId.of(zone), Verbosity.NORMAL,
                EnumSet.noneOf(PacketPrinter.Option.class), RawDump.NONE);
        }
    }

    /** print-udp.c: VXLAN-GPE (4790) and LISP before ZEP, MPLS (6635) after it; either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.ZEP, UdpPorts.decoder(17754, 40000));
        assertEquals(UdpPorts.Decoder.ZEP, UdpPorts.decoder(40000, 17754));
        assertEquals(UdpPorts.Decoder.ZEP, UdpPorts.decoder(17754, 6635));
        assertEquals(UdpPorts.Decoder.VXLAN_GPE, UdpPorts.decoder(17754, 4790));
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        byte[] zep = v1(0, DATA.length, DATA);
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, List.of(zep(17754, 6635, zep), zep(6635, 17754, zep),
            zep(17754, 4341, zep), zep(17754, 17754, zep)), "", "-v");
    }
}
