package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Linux usbmon captures against tcpdump 4.99 itself: LINKTYPE_USB_LINUX's 48-byte header and
 * LINKTYPE_USB_LINUX_MMAPPED's 64-byte one, every transfer and event type (and unknown ones), endpoints with the
 * direction bit, buses above 255 (little-endian, as a little-endian host writes them), with and without data; whole
 * in the verbosities, cut after every byte, mutated.
 */
class UsbLinkTest {
    /**
     * The usbmon header: URB id, event and transfer types, endpoint, device, bus, setup and data flags, time,
     * status, URB and data lengths, the setup bytes (or isochronous counts); the mmapped header's four fields more.
     */
    static byte[] header(int event, int transfer, int endpoint, int device, int bus, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0xffff8881_2345_6780L).put((byte) event).put((byte) transfer).put((byte) endpoint)
            .put((byte) device).putShort((short) bus).put((byte) (transfer == 2 && event == 'S' ? 0 : '-'))
            .put((byte) '<').putLong(1_700_000_000L).putInt(123_456).putInt(-115).putInt(64).putInt(4);
        b.put(hex("8006 0001 0000 1200"));
        if (length == UsbFormatter.MMAPPED_HEADER) b.putInt(8).putInt(0).putInt(0x200).putInt(0);
        return b.array();
    }

    static List<Frame> frames(int length) {
        List<Frame> f = new ArrayList<>();
        int[] events = {'S', 'C', 'E', 'X'};
        int[] transfers = {0, 1, 2, 3, 4, 0xff};
        int i = 0;
        for (int transfer : transfers) {
            for (int event : events) {
                f.add(new Frame(concat(header(event, transfer, i % 2 == 0 ? 0x81 : 0x02, i * 5 % 128, i * 37,
                    length), i % 3 == 0 ? hex("12011001000000400d0101") : new byte[0])));
                i++;
            }
        }
        f.add(new Frame(header('C', 3, 0xff, 0xff, 0xffff, length)));
        return f;
    }

    /** What both header sizes test alike. */
    abstract static class Usb extends TcpdumpConformance {
        @Override
        Checks checks() {
            return Checks.of(new Mutants("USB", 189L + linkType(), 8, 3, 16, MutatedFrames.ALL))
                .whole("", "-v", "-q", "-e", "-x", "-q -x")
                .allocation("", "-q", "-x");
        }

        /** A few of the frames: every cut of each reads the same fields. */
        @Override
        List<Frame> cutFrames() {
            List<Frame> all = frames();
            return List.of(all.get(0), all.get(5), all.get(all.size() - 1));
        }

        @Override
        List<Frame> mutantBases() {
            return frames();
        }

        @Override
        int start(byte[] frame) {
            return 0;
        }
    }

    @Nested
    class Linux extends Usb {
        @Override
        List<Frame> frames() {
            return UsbLinkTest.frames(UsbFormatter.HEADER);
        }

        @Override
        int linkType() {
            return LinkType.USB_LINUX;
        }
    }

    @Nested
    class LinuxMmapped extends Usb {
        @Override
        List<Frame> frames() {
            return UsbLinkTest.frames(UsbFormatter.MMAPPED_HEADER);
        }

        @Override
        int linkType() {
            return LinkType.USB_LINUX_MMAPPED;
        }
    }
}
