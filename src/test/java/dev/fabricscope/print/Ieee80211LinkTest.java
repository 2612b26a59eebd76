package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IEEE 802.11 (LINKTYPE_IEEE802_11), radiotap (LINKTYPE_IEEE802_11_RADIO), Prism and AVS headers
 * (LINKTYPE_PRISM_HEADER, LINKTYPE_IEEE802_11_RADIO_AVS) against tcpdump 4.99 itself. The
 * frames are built from the layouts: a management header (frame control, duration, DA, SA, BSSID, sequence, all
 * little-endian) and each subtype's fixed fields and information elements; control frames' short headers; data
 * frames with 3 or 4 addresses, QoS control, WEP IV or an LLC/SNAP payload. Radiotap headers: version, pad, length
 * and presence words (little-endian), then the fields at their natural alignment from the header's start; Prism's
 * 144 bytes, AVS's cookie and big-endian length. Whole,
 * with and without -e, -v; cut after every byte; mutated.
 */
class Ieee80211LinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    static final byte[] STA = hex("000d9382363a"), AP = hex("000c4182b255"), BCAST = hex("ffffffffffff");

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    static byte[] le32(long v) {
        return concat(le16((int) v), le16((int) (v >> 16)));
    }

    /** Frame control: version 0, the type and subtype, the flag byte (To DS 1, From DS 2, ..., Protected 0x40). */
    static byte[] fc(int type, int subtype, int flags) {
        return new byte[] {(byte) (type << 2 | subtype << 4), (byte) flags};
    }

    static byte[] mgmt(int subtype, int flags, byte[] body) {
        return concat(fc(0, subtype, flags), le16(314), STA, AP, AP, le16(0x1230), body);
    }

    static byte[] element(int id, byte[] value) {
        return concat(new byte[] {(byte) id, (byte) value.length}, value);
    }

    private static final byte[] SSID = element(0, ascii("fabric net")), RATES = element(1, hex("82848b960c121824")),
        DS = element(3, new byte[] {6}), TIM = element(5, hex("0001000000")), CF = element(4, hex("010200000000"));

    /** Timestamp, beacon interval, capability (ESS 1, IBSS 2, privacy 0x10). */
    static byte[] beaconFields(int capability) {
        return concat(hex("0102030405060708"), le16(100), le16(capability));
    }

    static List<byte[]> managementFrames() {
        List<byte[]> f = new ArrayList<>();
        f.add(mgmt(8, 0, concat(beaconFields(0x0011), SSID, RATES, DS, TIM, CF, element(42, hex("00")))));
        f.add(mgmt(8, 0, concat(beaconFields(0x0002), element(1, new byte[0]), element(0, new byte[0]), RATES,
            element(3, hex("0102")), element(3, hex("0b")), element(0, ascii("second")))));
        f.add(mgmt(8, 0, concat(beaconFields(0x0001), element(0, concat(ascii("a\tb"), hex("ff00"), ascii("c"))))));
        f.add(mgmt(8, 0, concat(beaconFields(1), SSID, element(0, new byte[33]))));          // too long: gives up
        f.add(mgmt(8, 0, concat(beaconFields(1), element(1, new byte[17]))));
        f.add(mgmt(8, 0, concat(beaconFields(1), SSID, element(5, new byte[255]))));
        f.add(mgmt(8, 0, concat(beaconFields(1), SSID, hex("0005ab"))));                     // element cut
        f.add(mgmt(8, 0, hex("0102030405")));
        f.add(mgmt(5, 0, concat(beaconFields(0x0010), SSID, RATES, DS)));                     // probe response
        f.add(mgmt(5, 0, beaconFields(0)));
        f.add(mgmt(4, 0, concat(SSID, RATES)));                                               // probe request
        f.add(mgmt(4, 0, new byte[0]));
        f.add(mgmt(0, 0, concat(le16(0x0431), le16(10), SSID, RATES)));                       // assoc request
        f.add(mgmt(1, 0, concat(le16(0x0011), le16(0), le16(0xc001), RATES)));                // assoc response
        f.add(mgmt(1, 0, concat(le16(0x0001), le16(17), le16(0x0005))));
        f.add(mgmt(1, 0, concat(le16(0x0001), le16(4000), le16(0x0005))));
        f.add(mgmt(2, 0, concat(le16(0x0001), le16(10), AP, SSID)));                          // reassoc request
        f.add(mgmt(3, 0, concat(le16(0x0010), le16(107), le16(1))));                          // reassoc response
        f.add(mgmt(3, 0, concat(le16(0x0010), le16(108), le16(1))));
        f.add(mgmt(9, 0, new byte[0]));                                                       // ATIM
        f.add(mgmt(10, 0, le16(8)));                                                          // disassociation
        f.add(mgmt(10, 0, le16(67)));
        f.add(mgmt(11, 0, concat(le16(0), le16(1), le16(0))));                                // authentication
        f.add(mgmt(11, 0, concat(le16(0), le16(2), le16(0))));
        f.add(mgmt(11, 0, concat(le16(1), le16(2), le16(0), element(16, new byte[128]))));
        f.add(mgmt(11, 0, concat(le16(1), le16(3), le16(15))));
        f.add(mgmt(11, 0, concat(le16(2), le16(0x1b), le16(108))));
        f.add(mgmt(11, 0, concat(le16(7), le16(1), le16(2000))));
        f.add(mgmt(11, 0, concat(le16(1), le16(2), le16(0), element(16, new byte[254]))));
        f.add(mgmt(12, 0, le16(1)));                                                          // deauthentication
        f.add(mgmt(12, 0, le16(66)));
        f.add(mgmt(12, 0, le16(0xffff)));
        for (int category : new int[] {0, 1, 2, 3, 7, 13, 14, 15, 127, 4, 255}) {
            for (int action : new int[] {0, 1, 2, 5, 10, 11}) f.add(mgmt(13, 0, new byte[] {(byte) category, (byte) action}));
        }
        f.add(mgmt(13, 0, hex("03")));
        f.add(mgmt(6, 0, hex("0102")));                                                       // reserved subtypes
        f.add(mgmt(14, 0, new byte[0]));
        f.add(mgmt(12, 0x40, hex("12345678")));                                               // protected
        f.add(mgmt(11, 0x40, hex("010203c0ee")));
        f.add(mgmt(11, 0x40, hex("0102")));
        f.add(mgmt(8, 0x3c, concat(beaconFields(1), SSID)));                                  // flags for -v
        f.add(mgmt(8, 0x80, concat(beaconFields(1), SSID)));
        return f;
    }

    static List<byte[]> controlFrames() {
        List<byte[]> f = new ArrayList<>();
        f.add(concat(fc(1, 11, 0), le16(200), AP, STA));                                      // RTS
        f.add(concat(fc(1, 12, 0), le16(100), STA));                                          // CTS
        f.add(concat(fc(1, 13, 0x10), le16(0), STA));                                         // ACK
        f.add(concat(fc(1, 10, 0), le16(0xc005), AP, STA));                                   // PS-Poll
        f.add(concat(fc(1, 8, 0), le16(50), AP, STA, le16(0x0004), le16(0x1230)));            // BAR
        f.add(concat(fc(1, 9, 0), le16(50), AP, STA, le16(5), new byte[10]));                 // BA
        f.add(concat(fc(1, 14, 0), le16(0), BCAST, AP));                                      // CF-End
        f.add(concat(fc(1, 15, 0), le16(0), BCAST, AP));                                      // CF-End+CF-Ack
        f.add(concat(fc(1, 7, 0), le16(0), AP, fc(1, 13, 0), new byte[4], new byte[4]));     // control wrapper
        f.add(concat(fc(1, 3, 0), le16(0), AP));                                              // no header known
        f.add(concat(fc(3, 0, 0), le16(0), AP));                                              // reserved type
        f.add(concat(fc(1, 11, 0), le16(200), AP, hex("0102")));                              // header cut
        return f;
    }

    static byte[] llcSnap(int etherType, byte[] payload) {
        return concat(hex("aaaa03000000"), u16(etherType), payload);
    }

    static List<byte[]> dataFrames() {
        byte[] udp = ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B));
        byte[] seq = le16(0x0450);
        List<byte[]> f = new ArrayList<>();
        f.add(concat(fc(2, 0, 0), le16(44), STA, AP, AP, seq, llcSnap(0x0800, udp)));
        f.add(concat(fc(2, 0, 1), le16(44), AP, STA, BCAST, seq, llcSnap(0x0806,
            arp(1, STA, IP_A, new byte[6], IP_B))));
        f.add(concat(fc(2, 0, 2), le16(44), BCAST, AP, STA, seq, llcSnap(0x0800, udp)));
        f.add(concat(fc(2, 0, 3), le16(44), AP, STA, BCAST, seq, MAC_A, llcSnap(0x0800, udp)));
        f.add(concat(fc(2, 8, 1), le16(44), AP, STA, BCAST, seq, le16(5), llcSnap(0x0800, udp)));   // QoS data
        f.add(concat(fc(2, 1, 2), le16(0), BCAST, AP, STA, seq, llcSnap(0x86dd, new byte[2])));
        f.add(concat(fc(2, 3, 2), le16(0), BCAST, AP, STA, seq, hex("424203000000"), new byte[29]));   // STP
        f.add(concat(fc(2, 2, 2), le16(0), BCAST, AP, STA, seq, hex("0203")));
        f.add(concat(fc(2, 4, 1), le16(0), AP, STA, AP, seq));                                 // null function
        f.add(concat(fc(2, 12, 0x11), le16(0), AP, STA, AP, seq, le16(0)));                    // QoS null
        f.add(concat(fc(2, 0, 0x41), le16(44), AP, STA, AP, seq, hex("0a0b0c40"), new byte[12]));   // WEP
        f.add(concat(fc(2, 8, 0x42), le16(44), STA, AP, AP, seq, le16(0), hex("0100002000"), new byte[8]));
        f.add(concat(fc(2, 0, 0x41), le16(44), AP, STA, AP, seq, hex("0a0b")));
        f.add(concat(fc(2, 0, 0x0c), le16(44), STA, AP, AP, seq, llcSnap(0x0800, udp)));
        return f;
    }

    static List<byte[]> ieee80211Frames() {
        List<byte[]> f = new ArrayList<>(managementFrames());
        f.addAll(controlFrames());
        f.addAll(dataFrames());
        f.add(hex("80"));
        f.add(mgmt(8, 0, new byte[0]));
        return f;
    }

    /** A radiotap header: version 0, pad, its length, the presence words, then the fields (aligned by the caller). */
    static byte[] radiotap(byte[] fields, long... present) {
        byte[] words = new byte[0];
        for (long w : present) words = concat(words, le32(w));
        return concat(new byte[] {0, 0}, le16(4 + words.length + fields.length), words, fields);
    }

    /** Flags, rate, channel (2437 MHz, 11g), dBm signal and noise, antenna: a header as Linux drivers write it. */
    static byte[] usualRadiotap(int flags) {
        return radiotap(concat(new byte[] {(byte) flags, 0x0c}, le16(2437), le16(0x00c0), hex("c4a1"), hex("01"),
            hex("00"), le16(0)), 1 << 1 | 1 << 2 | 1 << 3 | 1 << 5 | 1 << 6 | 1 << 11 | 1 << 14);
    }

    static List<byte[]> radiotapHeaders() {
        List<byte[]> h = new ArrayList<>();
        h.add(usualRadiotap(0));
        h.add(usualRadiotap(0x4f));   // cfp, short preamble, wep, fragmented, bad-fcs
        // TSFT (8-aligned), flags, rate 5.5, channel 2412 11b, lock quality, antenna, dB signal, dB noise
        h.add(radiotap(concat(new byte[4], le32(0x12345678L), le32(0x9abcdef0L), hex("00"), hex("0b"), le16(2412),
            le16(0x00a0), le16(88), hex("00"), hex("2a"), hex("05")),
            1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 7 | 1 << 11 | 1 << 12 | 1 << 13));
        // the rate as an MCS index; channels: 11a, half and quarter rate, dynamic CCK-OFDM, FHSS, turbo, HT flags
        h.add(radiotap(hex("8700"), 1 << 2));
        for (int flags : new int[] {0x0140, 0x4140, 0x8140, 0x0480, 0x4480, 0x80c0, 0x0880, 0x0150, 0x00a0, 0}) {
            h.add(radiotap(concat(le16(5180), le16(flags)), 1 << 3));
        }
        // XChannel (4-aligned flags) with Channel: Channel is skipped; HT flags
        for (long xflags : new long[] {0x100c0L, 0x20140L, 0x40140L, 0x600c0L}) {
            h.add(radiotap(concat(le16(2412), le16(0x00a0), le32(xflags), le16(5200), hex("28"), hex("1e")),
                1 << 3 | 1 << 18));
        }
        // MCS: known bits, flags (bandwidth, GI, greenfield, LDPC, STBC), index; with a channel (11n)
        int[][] mcs = {{0x07, 0x00, 7}, {0x07, 0x05, 15}, {0x3f, 0x7e, 76}, {0x02, 0x00, 3}, {0x03, 0x01, 77},
            {0x01, 0x02, 0}, {0x3d, 0x60, 9}, {0x06, 0x04, 1}, {0x00, 0xff, 5}};
        for (int[] m : mcs) {
            h.add(radiotap(concat(hex("00"), hex("00"), le16(2412), le16(0x00c0), new byte[] {(byte) m[0],
                (byte) m[1], (byte) m[2]}), 1 << 1 | 1 << 3 | 1 << 19));
        }
        // VHT: known, flags, bandwidth, MCS/NSS per user, coding, group, partial AID
        h.add(radiotap(concat(le16(0x0044), hex("04"), hex("04"), hex("91002300"), hex("05"), hex("00"), le16(0)),
            1 << 21));
        h.add(radiotap(concat(le16(0x0000), hex("00"), hex("1f"), hex("00000000"), hex("00"), hex("00"), le16(0)),
            1 << 21));
        h.add(radiotap(concat(le16(0x0040), hex("00"), hex("1a"), hex("12000000"), hex("00"), hex("00"), le16(0)),
            1 << 21));
        // FHSS, tx attenuation, dB tx attenuation, dBm tx power, AMPDU status (4-aligned)
        h.add(radiotap(concat(hex("0305"), le16(7), hex("03"), hex("f6"), new byte[2], le32(9), le16(0), hex("0000")),
            1 << 4 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 20));
        // a field with no known layout ends the walk; so do bits of a second radiotap word
        h.add(radiotap(hex("0c"), 1 << 2 | 1 << 15 | 1 << 11));
        h.add(radiotap(concat(hex("0c"), new byte[3]), 1 << 2 | 1L << 31, 1));
        h.add(radiotap(new byte[0], 1L << 31, 0));
        // vendor namespace: rate; then a vendor word whose fields are skipped; then back to radiotap: antenna
        h.add(radiotap(concat(hex("0c"), hex("00"), hex("001122"), hex("01"), le16(3), hex("aabbcc"), hex("02")),
            1 << 2 | 1L << 30 | 1L << 31, 1 | 1L << 29 | 1L << 31, 1 << 11));
        h.add(radiotap(concat(hex("0c"), hex("001122"), hex("01"), hex("00"), le16(40)),
            1 << 2 | 1L << 30 | 1L << 31, 1 | 1L << 29 | 1L << 31, 1 << 11));
        h.add(radiotap(concat(hex("0c"), hex("0011")), 1 << 2 | 1L << 30 | 1L << 31, 1L << 29));
        h.add(radiotap(hex("0c"), 1 << 2 | 1L << 29 | 1L << 30));   // both switch bits: ignored
        // a field past the header's end; a length below 8; a bitmap chain past the header
        h.add(radiotap(hex("0c00"), 1 << 2 | 1 << 3));
        h.add(radiotap(new byte[0], 1 << 0));
        h.add(concat(hex("0000"), le16(6), le32(0), new byte[2]));
        h.add(concat(hex("0000"), le16(8), le32(1L << 31)));
        h.add(concat(hex("0000"), le16(200), le32(0)));
        return h;
    }

    private static final byte[] ACK = concat(fc(1, 13, 0), le16(0), STA);

    static List<Frame> radiotapFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] usual = usualRadiotap(0);
        for (byte[] frame : ieee80211Frames()) f.add(new Frame(concat(usual, frame)));
        for (byte[] header : radiotapHeaders()) f.add(new Frame(concat(header, ACK)));
        byte[] fcs = hex("deadbeef");
        byte[] withFcs = usualRadiotap(0x10);
        f.add(new Frame(concat(withFcs, ACK, fcs)));
        f.add(new Frame(concat(withFcs, managementFrames().getFirst(), fcs)));
        f.add(new Frame(concat(withFcs, dataFrames().getFirst(), fcs)));
        f.add(new Frame(concat(withFcs, hex("d400"), fcs)));
        f.add(new Frame(concat(withFcs, hex("d4"))));
        // data padding: the QoS data header (26 bytes) padded to 28
        byte[] padded = usualRadiotap(0x20);
        byte[] qos = dataFrames().get(4);
        f.add(new Frame(concat(padded, java.util.Arrays.copyOf(qos, 26), hex("0000"),
            java.util.Arrays.copyOfRange(qos, 26, qos.length))));
        f.add(new Frame(concat(padded, dataFrames().getFirst())));
        f.add(new Frame(concat(usualRadiotap(0x30), java.util.Arrays.copyOf(qos, 26), hex("0000"),
            java.util.Arrays.copyOfRange(qos, 26, qos.length), fcs)));
        return f;
    }

    static List<Frame> plainFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] frame : ieee80211Frames()) f.add(new Frame(frame));
        return f;
    }

    /** A Prism header: 144 bytes tcpdump skips (a message code first, not an AVS cookie). */
    static byte[] prism(byte[] frame) {
        return concat(u32(0x00000041), u32(144), new byte[136], frame);
    }

    /** An AVS radio header: cookie, its length (big-endian), the rest unread. */
    static byte[] avs(int length, byte[] frame) {
        return concat(u32(0x80211001L), u32(length), new byte[Math.max(0, length - 8)], frame);
    }

    static List<Frame> prismFrames() {
        List<Frame> f = new ArrayList<>();
        List<byte[]> frames = ieee80211Frames();
        for (int i = 0; i < frames.size(); i += 4) f.add(new Frame(prism(frames.get(i))));
        f.add(new Frame(prism(new byte[0])));
        f.add(new Frame(concat(u32(0x80211002L), u32(64), new byte[56], ACK)));   // the cookie: an AVS header
        f.add(new Frame(avs(8, ACK)));
        f.add(new Frame(avs(4, ACK)));
        f.add(new Frame(avs(100, ACK)));
        f.add(new Frame(hex("80211001000000")));
        f.add(new Frame(hex("000000")));
        return f;
    }

    static List<Frame> avsFrames() {
        List<Frame> f = new ArrayList<>();
        List<byte[]> frames = ieee80211Frames();
        for (int i = 1; i < frames.size(); i += 4) f.add(new Frame(avs(64, frames.get(i))));
        f.add(new Frame(avs(8, ACK)));
        f.add(new Frame(avs(7, ACK)));
        f.add(new Frame(concat(u32(0), u32(0xffffffffL), ACK)));
        f.add(new Frame(avs(64, new byte[0])));
        f.add(new Frame(hex("0102030405")));
        return f;
    }

    @Test
    void prismAndAvsAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "prism", LinkType.PRISM_HEADER, prismFrames(),
            "", "-e -v", "-x", "-e -x");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "avs", LinkType.IEEE802_11_RADIO_AVS, avsFrames(),
            "", "-e -v", "-x", "-e -x");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "prism-cut", LinkType.PRISM_HEADER,
            TcpdumpOracle.cutAfterEveryByte(prismFrames().subList(prismFrames().size() - 7, prismFrames().size()), 1),
            "-x", "-e");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "avs-cut", LinkType.IEEE802_11_RADIO_AVS,
            TcpdumpOracle.cutAfterEveryByte(avsFrames(), 1), "-x", "-e");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "avs-mutants", LinkType.IEEE802_11_RADIO_AVS,
            MutatedFrames.of(avsFrames(), "AVS", 20_261_125L, 3, b -> 0, 3, 12, MutatedFrames.ALL), "-e -x", "-v");
    }

    /** QoS data frames with an 802.11s mesh control header (flags, TTL, sequence, 0-3 addresses), for -H. */
    static List<Frame> meshFrames() {
        byte[] udp = llcSnap(0x0800, ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B)));
        List<Frame> f = new ArrayList<>();
        for (int flags : new int[] {0, 1, 2, 3, 4, 0x80}) {
            byte[] mesh = concat(new byte[] {(byte) flags, 31}, le32(0x01020304L), MAC_A, MAC_B, STA);
            f.add(new Frame(concat(fc(2, 8, 3), le16(44), AP, STA, BCAST, le16(0), MAC_A, le16(0),
                java.util.Arrays.copyOf(mesh, 6 + 6 * (flags & 3)), udp)));
        }
        f.add(new Frame(concat(fc(2, 8, 0), le16(44), AP, STA, BCAST, le16(0), le16(0), hex("011f0000000000"))));
        f.add(new Frame(concat(fc(2, 12, 0), le16(44), AP, STA, BCAST, le16(0), le16(0), hex("00"))));
        f.add(new Frame(concat(fc(2, 0, 0), le16(44), AP, STA, BCAST, le16(0), udp)));         // not QoS
        return f;
    }

    @Test
    void meshHeadersAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mesh", LinkType.IEEE802_11, meshFrames(),
            "-H", "-H -e", "-H -e -v", "-H -e -x", "-e");
        List<Frame> radio = new ArrayList<>();
        for (Frame frame : meshFrames()) radio.add(new Frame(concat(usualRadiotap(0x30), frame.bytes(), hex("01020304"))));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mesh-radiotap", LinkType.IEEE802_11_RADIO, radio,
            "-H", "-H -e -v -x");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mesh-cut", LinkType.IEEE802_11,
            TcpdumpOracle.cutAfterEveryByte(meshFrames(), 1), "-H -e -x");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mesh-mutants", LinkType.IEEE802_11,
            MutatedFrames.of(meshFrames(), "MESH", 20_261_126L, 20, b -> 24, 3, 12, MutatedFrames.ALL), "-H -e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(meshFrames(), LinkType.IEEE802_11, 500, "mesh", "-H -e -v");
    }

    @Test
    void ieee80211AsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "plain", LinkType.IEEE802_11, plainFrames(),
            "", "-e", "-v", "-e -v", "-q", "-e -x", "-x", "-X", "-e -XX");
    }

    @Test
    void radiotapAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "radiotap", LinkType.IEEE802_11_RADIO, radiotapFrames(),
            "", "-e", "-v", "-e -v", "-q", "-e -x", "-x", "-X");
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "plain-cut", LinkType.IEEE802_11,
            TcpdumpOracle.cutAfterEveryByte(plainFrames(), 1), "-x", "-e -v");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "radiotap-cut", LinkType.IEEE802_11_RADIO,
            TcpdumpOracle.cutAfterEveryByte(radiotapFrames(), 1), "-x", "-e -v");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> plain = MutatedFrames.of(plainFrames(), "IEEE802_11", 20_261_123L, 8, b -> 0, 3, 24,
            MutatedFrames.ALL);
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "plain-mutants", LinkType.IEEE802_11, plain,
            "-e -x", "-v");
        List<Frame> radio = MutatedFrames.of(radiotapFrames(), "RADIOTAP", 20_261_124L, 4, b -> 0, 4, 40,
            MutatedFrames.ALL);
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "radiotap-mutants", LinkType.IEEE802_11_RADIO, radio,
            "-e -x", "-v");
    }


    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(plainFrames(), LinkType.IEEE802_11, 500, "802.11", "-v",
            "-e -v", "-e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(radiotapFrames(), LinkType.IEEE802_11_RADIO, 500,
            "radiotap", "-v", "-e -v", "-e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(prismFrames(), LinkType.PRISM_HEADER, 500, "prism", "-v",
            "-e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(avsFrames(), LinkType.IEEE802_11_RADIO_AVS, 500, "avs", "-v",
            "-e -x");
    }
}
