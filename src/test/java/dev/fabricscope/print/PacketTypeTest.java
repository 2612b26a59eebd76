package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump's {@code -T type} against tcpdump 4.99 itself: the frames of the other printers' tests (SNMP, TFTP, RADIUS,
 * VXLAN, PTP, DNS, RESP over TCP, VRRP, LMP, NetFlow, ONC-RPC, RTP, wb, AODV, PGM, ZMTP, Kerberos, PPTP and others) printed under every type we take, so
 * each printer also meets what is not its protocol, at each verbosity where -T changes the output; CARP whole and cut after every byte.
 */
class PacketTypeTest {
    @TempDir
    Path dir;

    private static final byte[] CARP_GROUP = hex("e0000012");

    /** A CARP v2 advertisement (vhid, advskew, authlen, advbase, counter; 20-byte HMAC), checksum set or broken. */
    static Frame carp(int version, int type, int ttl, boolean badChecksum) {
        byte[] m = concat(new byte[] {(byte) (version << 4 | type), 7, 100, 7, 0, 1, 0, 0},
            hex("0000000100000002"), zeros(20));
        int c = checksum(m) ^ (badChecksum ? 0x0100 : 0);
        m[6] = (byte) (c >>> 8);
        m[7] = (byte) c;
        return new Frame(ethernet(0x0800, ipv4(VrrpFormatter.PROTOCOL, m, 0x10, ttl, 9, 0, new byte[0], -1, IP_A,
            CARP_GROUP)));
    }

    static List<Frame> carpFrames() {
        return List.of(carp(2, 1, 255, false), carp(2, 1, 254, false), carp(2, 1, 255, true), carp(1, 1, 255, false),
            carp(2, 2, 255, false));
    }

    /** Other printers' frames, and UDP/TCP payloads on ports no printer claims. */
    static List<Frame> mixed() {
        List<Frame> f = new ArrayList<>();
        f.addAll(SnmpFormatterTest.allFrames());
        f.addAll(TftpFormatterTest.allFrames());
        f.addAll(RadiusFormatterTest.allFrames());
        f.addAll(VxlanFormatterTest.allFrames());
        f.addAll(PtpFormatterTest.frames());
        f.addAll(DnsFormatterTest.allFrames());
        f.addAll(RespFormatterTest.allFrames());
        f.addAll(VrrpFormatterTest.allFrames());
        f.addAll(NtpFormatterTest.allFrames());
        f.addAll(LmpMessages.frames());
        f.addAll(LmpMessages.brokenFrames());
        f.addAll(CnfpFormatterTest.frames());
        f.addAll(SunrpcFormatterTest.allFrames());
        f.addAll(RtpFormatterTest.all());
        f.addAll(WbFormatterTest.allFrames());
        f.addAll(AodvFormatterTest.frames(40000));
        f.addAll(PgmFormatterTest.allFrames());
        f.addAll(ZmtpFormatterTest.allFrames());
        f.addAll(KrbFormatterTest.frames());
        f.addAll(PptpFormatterTest.allFrames());
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(40000, 40001, ascii("*1\r\n$4\r\nPING\r\n"), IP_A, IP_B)))));
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(40000, 40001, 1, 1, 0x18, 512, 0, new byte[0],
            ascii("*1\r\n$4\r\nPING\r\n"), IP_A, IP_B)))));
        f.addAll(carpFrames());
        return f;
    }

    @Test
    void everyTypePrintsAsTcpdumpDoes() throws Exception {
        List<Frame> frames = mixed();
        for (PacketType type : PacketType.values()) {
            for (String verbosity : new String[] {"", "-q", "-v", "-vv"}) {
                assertPrintsAsTcpdump(frames, type, verbosity);
            }
        }
    }

    @Test
    void carpCutAfterEveryByte() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(carpFrames(), 14);
        assertPrintsAsTcpdump(cut, PacketType.CARP, "-v");
        assertPrintsAsTcpdump(cut, PacketType.CARP, "-x");
    }

    @Test
    void namesAreTcpdumps() {
        assertEquals(PacketType.VXLAN, PacketType.named("VxLaN"));
        assertEquals(PacketType.SOMEIP, PacketType.named("someip"));
        assertEquals(PacketType.ZMTP1, PacketType.named("zmtp1"));
        assertEquals(PacketType.PGM_ZMTP1, PacketType.named("PGM_ZMTP1"));
        assertEquals(null, PacketType.named("nosuch"));
        assertEquals(PacketType.LMP, PacketType.named("LMP"));
        assertEquals(PacketType.RTCP, PacketType.named("Rtcp"));
    }

    private void assertPrintsAsTcpdump(List<Frame> frames, PacketType type, String verbosity) throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed: the oracle for these tests (apt-get install tcpdump)");
        Path file = dir.resolve("frames.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_700_000_000L, frames);
        List<String> flags = new ArrayList<>(List.of("-S", "-T", type.tcpdumpName()));
        if (!verbosity.isEmpty()) flags.add(verbosity);
        List<Tcpdump.Record> expected = Tcpdump.run(file, "UTC", flags.toArray(String[]::new));
        Verbosity v = switch (verbosity) {
            case "-q" -> Verbosity.QUIET;
            case "-v" -> Verbosity.VERBOSE;
            case "-vv" -> Verbosity.VERY_VERBOSE;
            default -> Verbosity.NORMAL;
        };
        RawDump dump = verbosity.equals("-x") ? RawDump.ofFlags(1, 0, 0) : RawDump.NONE;
        List<String> actual = PacketPrinterTest.perPacket(file, new PacketPrinter(ZoneId.of("UTC"), v, Set.of(),
            TimestampStyle.TIME, dump, type));
        assertEquals(frames.size(), expected.size(), "tcpdump records");
        for (int i = 0; i < frames.size(); i++) {
            String ours = actual.get(i).replace("\n\n", "\n");
            if (ours.endsWith("\n")) ours = ours.substring(0, ours.length() - 1);
            assertEquals(expected.get(i).full(), ours, "frame " + (i + 1) + " with tcpdump -n " + String.join(" ", flags));
        }
    }
}
