package dev.fabricscope.print;

import static dev.fabricscope.print.PtpMessages.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.PtpMessages.Header;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PTP (IEEE 1588 layouts, {@link PtpMessages}) on UDP 319/320 over IPv4 and IPv6 and on ethertype 0x88f7, against
 * tcpdump 4.99 itself: every message type, both versions tcpdump names, odd flags and fields, in every verbosity,
 * with -e, cut after every byte, and mutated at random.
 */
class PtpFormatterTest {
    @TempDir
    Path dir;

    private static final long NOW = 1_700_000_000L;

    /** The messages of an ordinary end-to-end (delay request) and peer-to-peer (pdelay) exchange and their announce. */
    static List<byte[]> messages() {
        List<byte[]> m = new ArrayList<>();
        Header h = Header.of(4711);
        m.add(message(SYNC, new Header(0, 2, 0, 0, 0x0200, 0, 0, CLOCK, 1, 4711, -1, -3), timestamp(0, 0)));
        m.add(message(FOLLOW_UP, new Header(0, 2, 0, 0, 0, 0x12345L << 16 | 0x8000, 0, CLOCK, 1, 4711, -1, -3),
            timestamp(NOW, 123_456_789)));
        m.add(message(DELAY_REQ, new Header(0, 2, 24, 0, 0, 0, 0, "001b21fffe0a0b0c", 3, 65535, -1, 127),
            timestamp(NOW, 999_999_999)));
        m.add(message(DELAY_RESP, new Header(0, 2, 24, 0, 0, 0, 0, CLOCK, 1, 65535, -1, -4),
            concat(timestamp(NOW + 1, 5), portIdentity("001b21fffe0a0b0c", 3))));
        m.add(message(ANNOUNCE, h.flags(0x003c), announceBody(37, 128, 6, 0x21, 0x4e5d, 128, GRANDMASTER, 1, 0x20)));
        m.add(message(ANNOUNCE, h.flags(0x0008), announceBody(65535, 255, 248, 0xfe, 0xffff, 0, "ffffffffffffffff",
            65535, 0xa0)));
        m.add(message(PDELAY_REQ, new Header(1, 2, 0, 0, 0x0200, 0, 0, CLOCK, 1, 2, -1, 0),
            concat(timestamp(0, 0), zeros(10))));
        m.add(message(PDELAY_RESP, new Header(1, 2, 0, 0, 0x0200, 0, 0, GRANDMASTER, 7, 2, -1, 127),
            concat(timestamp(NOW, 17), portIdentity(CLOCK, 1))));
        m.add(message(PDELAY_RESP_FOLLOW_UP, new Header(1, 2, 0, 0, 0, 0, 0, GRANDMASTER, 7, 2, -1, 127),
            concat(timestamp(NOW, 42), portIdentity(CLOCK, 1))));
        // signaling: a unicast transmission request TLV (type 4) to every port
        m.add(message(SIGNALING, h, concat(portIdentity("ffffffffffffffff", 0xffff), hex("0004 0006 b0 fe 0000003c"))));
        // management: GET of the default data set (id 0x2000) from all clocks, and one to a named port
        m.add(message(MANAGEMENT, h, concat(portIdentity("ffffffffffffffff", 0xffff), hex("01 01 00 00 0001 0002 2000"))));
        m.add(message(MANAGEMENT, h, concat(portIdentity(CLOCK, 1), hex("07 05 2c 00 0001 0002 2005"))));
        return m;
    }

    /** Headers and bodies as no clock should send them: reserved types and fields, versions, every flag. */
    static List<byte[]> oddMessages() {
        List<byte[]> m = new ArrayList<>();
        Header h = Header.of(1);
        for (int type : new int[] {4, 7, 0xe, 0xf}) m.add(message(type, h, hex("0102030405060708090a")));
        m.add(message(SYNC, h.flags(0xffff), timestamp(0xffffffffffffL, 0xffffffffL)));
        m.add(message(SYNC, h.flags(0x18c0), timestamp(1, 2)));
        m.add(message(SYNC, h.flags(0x0840), timestamp(1, 2)));
        m.add(message(SYNC, new Header(15, 2, 255, 255, 0x4401, -1, 0xffffffffL, "ffffffffffffffff", 65535, 65535, 7,
            -128), timestamp(1, 2)));
        m.add(message(SYNC, h.version(0x12), timestamp(1, 2)));   // 1588-2019: minorVersionPTP 1
        m.add(message(SYNC, h.version(3), timestamp(1, 2)));
        m.add(message(SYNC, h.version(0), timestamp(1, 2)));
        m.add(message(SYNC, h.version(0xf2), timestamp(1, 2)));
        m.add(message(SYNC, h, new byte[0]));              // the header alone: the body is missing
        m.add(message(ANNOUNCE, h, timestamp(1, 2)));     // announce cut after its timestamp
        m.add(message(MANAGEMENT, h, new byte[0]));
        // PTPv1 (IEEE 1588-2002): versionPTP and versionNetwork, subdomain, then the rest of its 124-byte sync
        m.add(concat(hex("0001 0001"), ascii("_DFLT"), zeros(11), hex("01 01 0c42a1d3e4f5 0001 0007 00 00 0000"),
            zeros(88)));
        m.add(Arrays.copyOf(message(SYNC, h, timestamp(1, 2)), 33));   // shorter than the header
        m.add(new byte[0]);
        return m;
    }

    /** Each message over UDP/IPv4 to the port of its kind, UDP/IPv6 and Ethernet. */
    static List<Frame> udpFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] m : messages()) {
            int port = (m[0] & 0x0f) < 8 ? EVENT : GENERAL;
            f.add(udp4(port, port, m));
        }
        for (byte[] m : oddMessages()) f.add(udp4(EVENT, GENERAL, m));
        f.add(udp6(EVENT, EVENT, messages().getFirst()));
        f.add(udp6(GENERAL, GENERAL, messages().get(4)));
        f.add(udp4(52000, GENERAL, messages().get(2)));         // a client's ephemeral port to the general one
        f.add(udp4(EVENT, 30490, messages().getFirst()));      // PTP is tried before SOME/IP
        f.add(udp4(4789, EVENT, messages().getFirst()));        // and after VXLAN
        return f;
    }

    static List<Frame> ethernetFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] m : messages()) f.add(ethernet((m[0] & 0x0f) == PDELAY_REQ ? PTP_PEER_MAC : PTP_PRIMARY_MAC, m));
        for (byte[] m : oddMessages()) f.add(ethernet(PTP_PRIMARY_MAC, m));
        byte[] sync = messages().getFirst();
        f.add(new Frame(concat(PTP_PRIMARY_MAC, TestFrames.MAC_A, u16(0x88f7), Arrays.copyOf(sync, 20))));  // unpadded
        f.add(new Frame(concat(PTP_PRIMARY_MAC, TestFrames.MAC_A, u16(0x88f7))));
        f.add(new Frame(concat(PTP_PRIMARY_MAC, TestFrames.MAC_A, hex("8100 6064"), u16(0x88f7), sync)));   // tagged
        return f;
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>(udpFrames());
        f.addAll(ethernetFrames());
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-q", "-v", "-vv");
    }

    @Test
    void withLinkHeadersAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames(), Verbosity.NORMAL,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames(), Verbosity.VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), RawDump.NONE, "-e", "-v");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = new ArrayList<>(TcpdumpOracle.cutAfterEveryByte(udpFrames(), 14 + 20 + 8));
        cut.addAll(TcpdumpOracle.cutAfterEveryByte(ethernetFrames(), 12));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-vv", "-e");
    }

    /**
     * The frames with a few message bytes changed at random (a fixed seed), half of them cut short. Over UDP a third
     * byte of 2 sends tcpdump to its AppleTalk printer (KIP: PTP's ports are in its range), and us too.
     */
    @Test
    void mutatedMessagesAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(ethernetFrames(), new Random(0x88f7), 30, MutatedFrames::afterEthernet, 4,
            0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
        List<Frame> udpMutants = MutatedFrames.of(udpFrames(), new Random(0x13f), 30,
            frame -> MutatedFrames.afterIp(frame) + 8, 4, 0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, udpMutants, "-x", "-v");
    }

    /** Printing PTP, over UDP and Ethernet, allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(frames(), new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), TimestampStyle.TIME, RawDump.HEX), 2_000, "PTP");
    }
}
