package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link types neither tcpdump nor we decode (D-Bus, a user type) and ERF records we do not decode either (tcpdump
 * decodes no ERF at all): tcpdump prints "UNSUPPORTED" and then every captured byte in hex and ASCII, whatever the
 * flags; -x and -A dump the bytes once more.
 */
class UnsupportedLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int DBUS = 231;
    private static final int USER0 = 147;

    private static List<Frame> frames() {
        return List.of(
            new Frame(hex("6c01 0101 9200 0000 1700 0000 7f00 0000 0101 6f00 1500 0000 2f6f 7267 2f66 7265 6564")),
            new Frame(hex("41")),
            new Frame(hex("0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021"), 300));
    }

    /** ERF records of type HDLC_POS (1): a 16-byte ERF header, then a PPP-in-HDLC frame. */
    private static List<Frame> erfFrames() {
        byte[] hdlc = hex("ff03 0021 4500 0014 0000 4000 4001 0000 0a00 0001 0a00 0002");
        byte[] erf = concat(hex("0000 0000 0000 0000 01 04"), u16(16 + hdlc.length), u16(0), u16(hdlc.length), hdlc);
        return List.of(new Frame(erf), new Frame(erf).cut(9));
    }

    private void assertAsTcpdump(int linkType, List<Frame> frames) throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "link" + linkType, linkType, frames,
            "", "-e", "-q", "-v", "-x", "-xx", "-X", "-XX", "-A");
    }

    @Test
    void unknownLinkTypesDumpTheirBytes() throws Exception {
        assertAsTcpdump(DBUS, frames());
        assertAsTcpdump(USER0, frames());
    }

    @Test
    void erfRecordsWeDoNotDecodeDumpTheirBytes() throws Exception {
        assertAsTcpdump(LinkType.ERF, erfFrames());
    }

    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), DBUS, 2000, "UNSUPPORTED", "", "-x");
    }
}
