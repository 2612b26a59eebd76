package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * LINKTYPE_BLUETOOTH_HCI_H4_WITH_PHDR against tcpdump 4.99 itself: the direction header (either bit, other bits
 * set), HCI commands, events, ACL data and nothing after the header; -e's length and direction, the default dump and
 * where -q, -x and -X leave it out; whole, cut after every byte, mutated.
 */
class BluetoothLinkTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(hex("00000000 01 030c 00")));                            // HCI Reset, out
        f.add(new Frame(hex("00000001 04 0e 04 01 030c 00")));                   // its Command Complete, in
        f.add(new Frame(hex("00000001 02 0120 0c00 0800 0100 0201 0400 0100 ffff")));   // ACL: L2CAP
        f.add(new Frame(hex("fffffffe 04 3e 0c 02 01 00 00 112233445566 00 c5")));   // LE advertising report, out
        f.add(new Frame(hex("80000003")));                                       // the header alone, in
        f.add(new Frame(concat(hex("00000000 02 0120 1000"), new byte[40])));
        return f;
    }

    @Override
    int linkType() {
        return LinkType.BLUETOOTH_HCI_H4_WITH_PHDR;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("BLUETOOTH", 201, 8, 3, 8, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e", "-e -q", "-x", "-e -X", "-A")
            .cut("", "-x", "-e -x")
            .allocation("", "-e", "-x");
    }

    @Override
    int start(byte[] frame) {
        return 0;
    }
}
