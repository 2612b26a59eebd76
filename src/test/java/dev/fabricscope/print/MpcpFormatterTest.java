package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Ethertype 0x8808 against tcpdump 4.99 itself, which prints it as EPON MPCP (IEEE 802.3 clause 64: a 2-byte opcode,
 * a 4-byte timestamp, then per opcode Gate's grants, Report's queue sets, the registration fields), so the
 * 802.3x PAUSE (opcode 1, pause quanta) and 802.1Qbb PFC (0x0101, class-enable vector and eight quanta) frames that
 * data-center captures hold print the way tcpdump prints them: whole (padded to 60 bytes, as on the wire), every
 * flag value, in VLAN and SNAP, cut after every byte and mutated.
 */
class MpcpFormatterTest extends TcpdumpConformance {
    static final byte[] PAUSE_MULTICAST = hex("0180c2000001");

    /** A MAC control frame to the reserved multicast, padded to the 60-byte minimum. */
    static Frame mpcp(String body) {
        byte[] frame = concat(PAUSE_MULTICAST, MAC_B, u16(MpcpFormatter.ETHERTYPE), hex(body));
        if (frame.length < 60) frame = concat(frame, zeros(60 - frame.length));
        return new Frame(frame);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(mpcp("0001 ffff"));                                                 // PAUSE, full quanta
        f.add(mpcp("0001 0000"));                                                 // PAUSE off
        f.add(mpcp("0101 0018 0000 0000 0000 ffff ffff 0000 0000 0000"));        // PFC, priorities 3 and 4
        f.add(mpcp("0002 00001000 0b 00002000 0100 00003000 0200 00004000 0300 0040")); // Gate, discovery, 3 grants
        f.add(mpcp("0002 00001000 f8 0123"));                                     // Gate, all force flags, none
        f.add(mpcp("0002 00001000 07" + "00000001 0001".repeat(7) + "0009"));     // Gate, seven grants
        f.add(mpcp("0003 00002000 00"));                                          // Report, no queue set
        f.add(mpcp("0003 00002000 01 ff 0001"));                                  // Report, one set (none walked)
        f.add(mpcp("0003 00002000 03 81 0010 0020 00 05 0001 0002"));             // Report, three sets
        f.add(new Frame(ethernet(MpcpFormatter.ETHERTYPE, hex("0003 00002000 02 ff"
            + "0001 0002 0003 0004 0005 0006 0007 0008"))));                       // Report, all queues
        for (int flags : new int[] {0, 1, 2, 3, 0xff}) {
            f.add(mpcp(String.format("0004 00003000 %02x 05", flags)));           // Register Request
            f.add(mpcp(String.format("0006 00003000 %02x 0102 0304", flags)));    // Register ACK
        }
        for (int flags = 0; flags <= 8; flags++) {
            f.add(mpcp(String.format("0005 00004000 0011 %02x 0022 03", flags)));  // Register
        }
        f.add(mpcp("0007 00005000 0102030405060708"));                            // unknown opcode
        f.add(new Frame(ethernet(MpcpFormatter.ETHERTYPE, hex("ffff 00000001 " + "ab".repeat(40)))));
        f.add(new Frame(ethernet(MpcpFormatter.ETHERTYPE, hex("0002 00000001"))));          // Gate, no fields
        f.add(new Frame(vlan(5, MpcpFormatter.ETHERTYPE, hex("0101 00ff 0001 0002 0003 0004 0005 0006 0007 0008"))));
        f.add(LlcFrames.llc(PAUSE_MULTICAST, hex("aaaa03 000000 8808 0001 0200")));           // in SNAP
        return f;
    }

    /** Cut after the Ethernet header for every frame, as before; mutated after it and a VLAN tag. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MPCP", 0x8808, 20, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e", "-vv -e", "-v -x")
            .cut("-x", "-v")
            .allocation("-v", "");
    }
}
