package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DECnet Phase IV on ethertype 0x6003 (and in SNAP, behind a VLAN tag) against tcpdump 4.99 itself: padding, every
 * routing control message with its node-type bits, routes and bogus counts, short and long data headers with their
 * flags, every NSP message type and subtype with ack, nak and other-channel fields, link service modifiers, connect
 * services and versions, every disconnect reason code, broken routing and NSP lengths, in every verbosity, cut after
 * every byte, and seeded mutants.
 */
class DecnetFormatterTest extends TcpdumpConformance {
    private static final int A = node(1, 10), B = node(63, 1023);

    static int node(int area, int node) {
        return area << 10 | node;
    }

    /** Little-endian, as all of DECnet's words are. */
    static byte[] le(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    /** The routing layer's length word (the bytes after it), then the message. */
    static byte[] routed(byte[] message) {
        return concat(le(message.length), message);
    }

    static Frame frame(byte[] message) {
        return new Frame(ethernet(DecnetFormatter.ETHERTYPE, routed(message)));
    }

    /** A 6-byte short data header: flags, destination, source, visits; then the NSP message. */
    static byte[] shortData(int flags, int visits, byte[] nsp) {
        return concat(new byte[] {(byte) flags}, le(B), le(A), new byte[] {(byte) visits}, nsp);
    }

    /** An Ethernet address that carries a DECnet node: HIORD AA-00-04-00, the node little-endian. */
    static byte[] id(int node) {
        return concat(hex("aa000400"), le(node));
    }

    /** A 21-byte long data header: flags, areas, destination id, areas, source id, next level 2, visits, class, type. */
    static byte[] longData(int flags, int visits, byte[] nsp) {
        return concat(new byte[] {(byte) flags, 0, 0}, id(B), new byte[] {0, 0}, id(A),
            new byte[] {0, (byte) visits, 0, 0}, nsp);
    }

    /** An NSP header: message flags, destination and source link addresses, then the rest. */
    static byte[] nsp(int flags, String rest) {
        return concat(new byte[] {(byte) flags}, le(0x2004), le(0x2003), hex(rest));
    }

    static Frame data(byte[] nsp) {
        return frame(shortData(0x02, 0, nsp));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // control messages: init with each node type and its verify and blocking bits
        for (int info : new int[] {0x00, 0x01, 0x02, 0x03, 0x07, 0x0e, 0xff}) {
            f.add(frame(concat(hex("01"), le(A), new byte[] {(byte) info}, le(1498), hex("020000"), le(15), hex("00"))));
        }
        f.add(frame(concat(hex("03"), le(A), hex("ab"))));
        f.add(frame(concat(hex("05"), le(B), hex("aa"))));
        f.add(frame(concat(hex("05"), le(B), hex("07"))));
        f.add(frame(concat(hex("05"), le(B), hex("00"))));
        // routing messages: ranges of ids or areas with cost and hops, a checksum; a count tcpdump takes for bogus
        f.add(frame(concat(hex("07"), le(A), hex("00"), le(5), le(1), le(7 << 10 | 300), le(0), le(20), le(0xffff),
            le(0x1234))));
        f.add(frame(concat(hex("09"), le(A), hex("00"), le(2), le(3), le(1 << 10 | 4), le(0x1234))));
        f.add(frame(concat(hex("07"), le(A), hex("00"), le(1025), le(1), le(2), le(3), le(4), le(5), le(0x1234))));
        f.add(frame(concat(hex("07"), le(A), hex("00"), le(1024), le(1), le(2), le(3), le(4))));
        f.add(frame(concat(hex("07"), le(A), hex("00"))));
        // router and endnode hellos with their information bits
        for (int info : new int[] {0x01, 0x02, 0x03, 0x00, 0x64, 0x27}) {
            f.add(frame(concat(hex("0b 02 00 00"), id(A), new byte[] {(byte) info}, le(1498), hex("40 00"), le(15),
                hex("00"), hex("0102030405060708"))));
            f.add(frame(concat(hex("0d 02 00 00"), id(B), new byte[] {(byte) info}, le(16434), hex("00"),
                hex("0000000000000000"), id(A), le(10), hex("00 aa"))));
        }
        // control types tcpdump does not know, a future version, flags that name no header: dumped
        f.add(frame(concat(hex("0f"), le(A), hex("00112233445566778899aabbccddeeff0011"))));
        f.add(frame(concat(hex("42"), le(A), hex("0102030405"))));
        f.add(frame(concat(hex("00"), le(A), hex("0102030405"))));
        f.add(frame(concat(hex("04"), le(A), hex("0102030405"))));
        // padding before the header (-v prints it), long headers with each flag
        f.add(frame(concat(hex("83 0000"), shortData(0x02, 5, nsp(0x04, "0180 00a0")))));
        f.add(frame(concat(hex("81"), shortData(0x3a, 63, nsp(0x04, "0180 00a0")))));
        f.add(frame(concat(hex("85 00000000"), concat(hex("0d 02 00 00"), id(B), hex("03"), le(16434), hex("00"),
            hex("0000000000000000"), id(A), le(10), hex("00 aa")))));
        f.add(frame(concat(hex("84 000000"), hex("42 0102"))));
        f.add(frame(longData(0x26, 2, nsp(0x04, "0180 00a0"))));
        f.add(frame(longData(0x1e, 0, nsp(0x60, "0180 00a0 0500"))));
        f.add(frame(shortData(0x0a, 0x7f, nsp(0x04, "0180 00a0"))));
        // data segments: ack and nak, other-channel ack and nak, none, the loose other-ack test
        for (String acks : new String[] {"0500", "0180 00a0 0500", "0190 00b0 0500", "0180 0500", "0180 0020 0600",
            "0180 0080 0700", "3390 1290 ffff"}) {
            for (int subtype : new int[] {0x00, 0x20, 0x40, 0x60}) f.add(data(nsp(subtype, acks)));
            f.add(data(nsp(0x30, acks)));   // interrupt
        }
        // link service: ack fields, each modifier and interpretation
        for (int ls : new int[] {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x0c, 0xf3}) {
            f.add(data(nsp(0x10, "0180 02a0 0300" + String.format("%02x", ls) + "07")));
        }
        f.add(data(nsp(0x10, "0100 0000 0000 0000")));
        f.add(data(nsp(0x10, "0190 02b0 0300 0000")));
        // reserved data subtypes, acks, reserved ack subtypes, reserved types
        f.add(data(nsp(0x50, "0000")));
        f.add(data(nsp(0x70, "")));
        for (int subtype : new int[] {0x00, 0x10}) {
            for (String acks : new String[] {"0180 01a0", "0190 01b0", "0100 01a0", "0180 0120", "0180 0000"}) {
                f.add(data(nsp(0x04 | subtype, acks)));
            }
        }
        f.add(data(nsp(0x24, "")));
        f.add(data(nsp(0x34, "")));
        f.add(data(nsp(0x74, "")));
        f.add(data(nsp(0x0c, "")));
        f.add(data(nsp(0xfc, "")));
        // connect initiate and confirm: flow control and version, option lengths; retransmitted initiate
        for (int services = 0; services < 16; services += 4) {
            for (int info = 0; info < 4; info++) {
                String body = String.format("%02x%02x 1340", services | 1, info | 0xf0);
                f.add(data(nsp(0x18, body)));
                f.add(data(nsp(0x28, body + (info == 0 ? "00" : "05"))));
            }
        }
        f.add(data(nsp(0x68, "0103 1340 112233")));
        // disconnects: every reason code tcpdump names and some it does not, option lengths
        for (int reason : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
            41, 42, 43, 53, 54, 55, 256, 0xffff}) {
            f.add(data(nsp(0x38, String.format("%02x%02x 00", reason & 0xff, reason >>> 8))));
            f.add(data(nsp(0x48, String.format("%02x%02x", reason & 0xff, reason >>> 8))));
        }
        f.add(data(nsp(0x38, "2a00 03 414243")));
        f.add(data(nsp(0x58, "")));
        // broken lengths: routing, padding, long header, NSP header and messages
        f.add(new Frame(ethernet(DecnetFormatter.ETHERTYPE, hex("0500 02"))));
        f.add(new Frame(ethernet(DecnetFormatter.ETHERTYPE, hex("0500 0201 0203 04"))));
        f.add(new Frame(ethernet(DecnetFormatter.ETHERTYPE, hex("0400 0201 0203 0405"))));
        f.add(new Frame(ethernet(DecnetFormatter.ETHERTYPE, hex("0900 0201 0203 0405"))));
        f.add(frame(concat(hex("8f 0000"), shortData(0x02, 0, nsp(0x04, "0180 00a0")))));
        f.add(frame(hex("06 0000 0000000000")));
        f.add(frame(shortData(0x02, 0, hex("04 0100"))));
        f.add(frame(shortData(0x02, 0, hex(""))));
        f.add(data(nsp(0x00, "")));
        f.add(data(nsp(0x00, "0180")));
        f.add(data(nsp(0x00, "0180 00a0")));
        f.add(data(nsp(0x30, "0180")));
        f.add(data(nsp(0x10, "0180 02a0 0300 00")));
        f.add(data(nsp(0x04, "0180")));
        f.add(data(nsp(0x18, "0102")));
        f.add(data(nsp(0x28, "0102 1340")));
        f.add(data(nsp(0x38, "2a00")));
        f.add(data(nsp(0x48, "2a")));
        for (int i = 1; i < 12; i++) f.add(frame(concat(hex("01"), le(A), zeros(i - 3 < 0 ? 0 : i - 3))));
        f.add(frame(hex("03 0100")));
        f.add(frame(hex("0b 0200")));
        f.add(frame(hex("0d 0200")));
        f.add(frame(hex("09")));
        // the routing length shorter than the frame (Ethernet padding after the message), in SNAP, behind a tag
        f.add(new Frame(ethernet(DecnetFormatter.ETHERTYPE, concat(routed(shortData(0x02, 1, nsp(0x04,
            "0180 00a0"))), zeros(30)))));
        f.add(new Frame(concat(MAC_A, MAC_B, u16(32), hex("aaaa03 000000"), u16(DecnetFormatter.ETHERTYPE),
            routed(shortData(0x02, 1, nsp(0x04, "0180 00a0"))))));
        f.add(new Frame(vlan(5, DecnetFormatter.ETHERTYPE, routed(shortData(0x02, 1, nsp(0x04, "0180 00a0"))))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("DECNET", 0x6003, 6))
            .whole("", "-v", "-q", "-x", "-e");
    }

    /** The routing layer's length word, after the Ethernet header (or the tag or SNAP header before it). */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** A DECnet address's area and node at either end of their ranges, as tcpdump writes them. */
    @Test
    void addressesAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int address : new int[] {0, 1, 1023, 1024, 0xfc00, 0xffff, 0x8001}) {
            f.add(frame(concat(hex("02"), le(address), le(0xffff - address), hex("00"), nsp(0x04, "0180 00a0"))));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v");
    }

    /** Linux cooked captures hand the protocol field to the same ethertype printer: a few messages, whole and cut. */
    @Test
    void linuxCookedAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] cooked = concat(hex("0000 0001 0006"), id(A), hex("0000"), u16(DecnetFormatter.ETHERTYPE));
        for (byte[] message : new byte[][] {shortData(0x02, 1, nsp(0x10, "0180 02a0 0300 0107")),
            concat(hex("0d 02 00 00"), id(B), hex("03"), le(16434), hex("00"), zeros(8), id(A), le(10), hex("00 aa")),
            concat(hex("0f"), le(A), hex("0011223344"))}) {
            f.add(new Frame(concat(cooked, routed(message))));
        }
        f.addAll(TcpdumpOracle.cutAfterEveryByte(List.copyOf(f), cooked.length));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "decnet-sll", LinkType.LINUX_SLL, f, "", "-v", "-e -x");
    }
}
