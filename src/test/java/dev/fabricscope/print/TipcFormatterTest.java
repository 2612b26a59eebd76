package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * TIPC (ethertype 0x88ca) against tcpdump 4.99 itself. Word 0: version (3 bits), user (4), header size in words (4),
 * message size (17 bits, low); word 1: message type (3 bits, high), sequence gap, broadcast ack (16 bits, low).
 * Data messages (users 0-3, 8, 11): word 2 link ack and sequence, previous node, originating and destination port,
 * then in long headers originating and destination node. Internal messages (users 5-7, 10, 12): word 2 broadcast
 * gaps, previous node, fragment numbers, session, nodes, transport sequence, message count and link tolerance.
 * Neighbour discovery (user 13): destination domain, previous node, network id, media id, media address. Every user,
 * short and long headers, every message type; whole, with a VLAN tag, cut after every byte and mutated.
 */
class TipcFormatterTest extends TcpdumpConformance {
    static byte[] word0(int version, int user, int hsize, int msize) {
        return u32((long) version << 29 | (long) user << 25 | (long) hsize << 21 | msize);
    }

    static byte[] word1(int type, int gap, int ack) {
        return u32((long) type << 29 | (long) gap << 16 | ack);
    }

    static long node(int zone, int cluster, int node) {
        return (long) zone << 24 | cluster << 12 | node;
    }

    static byte[] data(int user, int hsize, int type) {
        return concat(word0(2, user, hsize, hsize * 4 + 5), word1(type, 0, 77), u32(0x00030004L),
            u32(node(1, 1, 10)), u32(3000000000L), u32(6789), u32(node(1, 1, 11)), u32(node(255, 4095, 4095)),
            u32(1000), u32(5), ascii("hello"));
    }

    static byte[] internal(int user, int type) {
        return concat(word0(2, user, 10, 40), word1(type, 0x1abc, 0xfffe), u32(0x00070009L), u32(node(1, 2, 3)),
            u32(0x00110012L), u32(0xbeef0000L), u32(node(1, 1, 10)), u32(node(1, 1, 11)), u32(4000000000L),
            u32(0x00020bb8L));
    }

    static byte[] linkConfig(int type) {
        return concat(word0(2, 13, 6, 40), word1(type, 0, 0x1234), u32(node(1, 1, 0)), u32(node(1, 1, 10)),
            u32(4711), u32(0x000001ffL), hex("001122334455 00000000000000000000"));
    }

    static Frame tipc(byte[] message) {
        return new Frame(ethernet(TipcFormatter.ETHERTYPE, message));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (int user : new int[] {0, 1, 2, 3, 8, 11}) f.add(tipc(data(user, 10, user % 4)));
        f.add(tipc(data(0, 6, 2)));
        f.add(tipc(data(3, 5, 1)));
        f.add(tipc(data(0, 7, 4)));
        f.add(tipc(data(1, 8, 7)));
        for (int user : new int[] {5, 6, 7, 10, 12}) f.add(tipc(internal(user, user % 8)));
        f.add(tipc(internal(7, 4)));
        f.add(tipc(linkConfig(0)));
        f.add(tipc(linkConfig(1)));
        f.add(tipc(linkConfig(5)));
        // users tcpdump does not print
        for (int user : new int[] {4, 9, 14, 15}) f.add(tipc(data(user, 10, 0)));
        f.add(new Frame(vlan(7, TipcFormatter.ETHERTYPE, internal(6, 0))));
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
        return Checks.of(new Mutants("TIPC", 0x88ca, 20, 4, 8, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e")
            .cut("-x", "-v", "")
            .allocation("", "-v");
    }
}
