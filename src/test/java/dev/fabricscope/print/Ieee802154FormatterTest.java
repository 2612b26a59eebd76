package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * IEEE 802.15.4 on its three link types against tcpdump 4.99 itself: every frame type, 2003/2006 and 2015 frames with
 * each addressing mode and PAN ID compression, sequence number suppression, 16 and 32-bit FCS right and wrong, the
 * security header in each key identifier mode and level, header and payload IEs, beacons (superframe, GTS, pending
 * addresses), every MAC command tcpdump decodes and its bad lengths, the IEs' contents tcpdump decodes at -vvvv,
 * multipurpose frames in both frame-control formats; the TAP header's checks. In every verbosity, cut after every byte, and seeded mutants.
 */
class Ieee802154FormatterTest {
    static final int BEACON = 0, DATA = 1, ACK = 2, COMMAND = 3, MULTIPURPOSE = 5;
    static final int NONE = 0, SHORT = 2, LONG = 3;
    static final String EXT_A = "0102030405060708", EXT_B = "1112131415161718";

    /** A frame control: type, flags (security 3, pending 4, AR 5, PAN ID compression 6, no seq 8, IEs 9), modes. */
    static int fc(int type, int flags, int dstMode, int version, int srcMode) {
        return type | flags | dstMode << 10 | version << 12 | srcMode << 14;
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    /** The frame's bytes, then its FCS: CRC-16/KERMIT (reflected CCITT, initial 0), little-endian. */
    static byte[] fcs16(byte[] frame) {
        int crc = 0;
        for (byte b : frame) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? crc >>> 1 ^ 0x8408 : crc >>> 1;
        }
        return concat(frame, le16(crc));
    }

    /** The frame's bytes, then its 32-bit FCS: reflected CRC-32 with initial value 0 and no final xor, little-endian. */
    static byte[] fcs32(byte[] frame) {
        int crc = 0;
        for (byte b : frame) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? crc >>> 1 ^ 0xEDB88320 : crc >>> 1;
        }
        return concat(frame, le16(crc), le16(crc >>> 16));
    }

    static byte[] frame(int fc, String rest) {
        return concat(le16(fc), hex(rest));
    }

    /** Standard frames of every frame type, version, addressing and security, FCS of both sizes. */
    static List<Frame> standardFrames() {
        List<Frame> f = new ArrayList<>();
        int compression = 1 << 6;
        // data, 2003: short addresses with PAN ID compression, 16-bit FCS; extended ones without, 32-bit FCS
        f.add(new Frame(fcs16(frame(fc(DATA, compression | 1 << 5, SHORT, 0, SHORT), "2a cdab 3412 7856 41424344"))));
        f.add(new Frame(fcs32(frame(fc(DATA, 1 << 4, LONG, 1, LONG), "07 cdab" + EXT_A + "3412" + EXT_B + "00ff"))));
        // a wrong FCS, and no FCS at all
        f.add(new Frame(concat(frame(fc(DATA, 0, SHORT, 1, SHORT), "08 cdab 0100 3412 0200 6869"), hex("beef"))));
        f.add(new Frame(frame(fc(DATA, 0, NONE, 0, SHORT), "09 3412 0200")));
        // ACKs, and one too short for its sequence number
        f.add(new Frame(fcs16(frame(fc(ACK, 0, NONE, 0, NONE), "5a"))));
        f.add(new Frame(fcs32(frame(fc(ACK, 1 << 4, NONE, 1, NONE), "5b"))));
        f.add(new Frame(frame(fc(ACK, 0, NONE, 0, NONE), "")));
        // 2003 frames: PAN ID compression with one address; sequence number suppression where not allowed
        f.add(new Frame(fcs16(frame(fc(DATA, compression, SHORT, 0, NONE), "0a cdab 0100 99"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 8, SHORT, 1, SHORT), "cdab 0100 3412 0200"))));
        // reserved addressing modes
        f.add(new Frame(fcs16(frame(fc(DATA, 0, 1, 0, SHORT), "0b cdab 0100"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 0, SHORT, 0, 1), "0c cdab 0100"))));
        // 2015 frames: each pair of addressing modes, with and without PAN ID compression
        int[] modes = {NONE, SHORT, LONG};
        String[] address = {"", "0100", EXT_A};
        for (int comp = 0; comp < 2; comp++) {
            for (int d = 0; d < 3; d++) {
                for (int s = 0; s < 3; s++) {
                    String body = "10 cdab" + address[d] + "3412" + address[s] + "c0ffee";
                    f.add(new Frame(fcs16(frame(fc(DATA, comp * compression, modes[d], 2, modes[s]), body))));
                }
            }
        }
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 8, SHORT, 2, SHORT), "cdab 0100 0200 aa"))));
        // commands
        String[] commands = {"01 8e", "01 00", "01 4e 00", "02 3412 00", "02 3412 01", "02 3412 02", "02 3412 03",
            "02 3412 80", "02 3412 7f", "02 3412", "03 01", "03 02", "03 00", "03 05 ffff", "03 05", "03 0102", "04",
            "05", "06", "07", "07 00", "08 cdab 0100 0b 3412", "08 cdab 0100 0b 3412 00",
            "08 cdab 0100 0b 3412 85", "08 cdab 0100 0b 3412 05", "08 cdab 0100 0b", "09 35", "09 0a", "09 0102",
            "0a 0102", "13 aabbcc", "24", "2f 01", "30 01", "ff", ""};
        for (String command : commands) {
            f.add(new Frame(fcs16(frame(fc(COMMAND, 1 << 5, SHORT, 1, LONG), "20 cdab ffff 3412" + EXT_B + command))));
        }
        // beacons: superframe flags, GTS descriptors, pending addresses, a payload; none, and ones cut short
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 0, SHORT), "30 3412 0100 ffd7 82 05 0100 21 0200 43 12"
            + " 0300 " + EXT_A + " 6869"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 1, LONG), "31 3412" + EXT_A + "f00f 00 00"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 0, SHORT), "32 3412 0100 ff4f 03 01 0100 21"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 0, SHORT), "33 3412 0100 ff4f 00 27 0100"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 0, SHORT), "34 3412 0100 ff4f"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 0, NONE, 0, SHORT), "35 3412 0100 ff"))));
        // security: each key identifier mode, levels with and without a MIC, the frame counter suppressed
        String[] security = {"05 01000000", "0d 02000000 07", "16 03000000 3412 7856 08", "1f 04000000" + EXT_A + "09",
            "2e 0a", "27", "0c 05000000", "1e 06000000" + EXT_A, "03 07000000", "0f 08000000", "17 09000000 3412"};
        for (String aux : security) {
            f.add(new Frame(fcs16(frame(fc(DATA, 1 << 3 | compression, SHORT, 1, SHORT),
                "40 cdab 0100 0200" + aux + "0102030405060708090a0b0c0d0e0f101112131415"))));
        }
        // IEs: header IEs ending with a payload IE list, encrypted or not; a type-1 header IE; IEs cut short
        String headerIes = "0000 0d1a 0102 03 8b1f 01 0201020304050607 00 3f";
        String payloadIes = "0288 0102 0390 0a0b0c 00f8";
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9 | compression, SHORT, 2, SHORT), "50 cdab 0100 0200"
            + headerIes + payloadIes + "6869"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9 | compression, SHORT, 2, SHORT), "51 cdab 0100 0200"
            + "00fe 0288 0102 00f8"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9 | 1 << 3 | compression, SHORT, 2, SHORT), "52 cdab 0100 0200"
            + "0d 01000000 03 00fe 0288 0102 a1a2a3a4"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9 | 1 << 3 | compression, SHORT, 2, SHORT), "53 cdab 0100 0200"
            + "0e 01000000 03 00fe 0288 0102 a1a2a3a4a5a6a7a8"))));
        f.add(new Frame(fcs16(frame(fc(BEACON, 1 << 9 | 1 << 8, NONE, 2, LONG), "cdab" + EXT_A
            + "0181 aa 813f 0b 0288 0102 0c"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9, SHORT, 2, SHORT), "54 cdab 0100 3412 0200 0500 01"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9, SHORT, 2, SHORT), "55 cdab 0100 3412 0200 00"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9, SHORT, 2, SHORT), "56 cdab 0100 3412 0200 00fe 0588 01"))));
        f.add(new Frame(fcs16(frame(fc(DATA, 1 << 9, SHORT, 2, SHORT), "57 cdab 0100 3412 0200 00fe 0008"))));
        // reserved, fragment and extended frames
        f.add(new Frame(fcs16(frame(4, "60 cdab"))));
        f.add(new Frame(fcs16(frame(6, "61 cdab"))));
        f.add(new Frame(fcs16(frame(7, "62 cdab"))));
        return f;
    }

    /** Multipurpose frames: short frame control, and long with each of its flags. */
    static List<Frame> multipurposeFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(fcs16(frame(MULTIPURPOSE | SHORT << 4 | LONG << 6, "2a 0100" + EXT_A + "6869"))));
        f.add(new Frame(frame(MULTIPURPOSE | SHORT << 4, "2b 0100")));
        f.add(new Frame(fcs16(frame(MULTIPURPOSE, "2c"))));
        f.add(new Frame(frame(MULTIPURPOSE | 1 << 4, "2d 0100")));
        int longFc = MULTIPURPOSE | 1 << 3 | SHORT << 4 | SHORT << 6 | 1 << 8 | 1 << 11 | 1 << 14 | 1 << 12;
        f.add(new Frame(fcs32(frame(longFc, "2e cdab 0100 0200 7071"))));
        f.add(new Frame(fcs16(frame(longFc | 1 << 10, "cdab 0100 0200"))));
        f.add(new Frame(fcs16(frame(longFc | 1 << 9 | 1 << 15, "2f cdab 0100 0200 0d 01000000 03"
            + "00fe 0288 0102 a1a2a3a4"))));
        f.add(new Frame(fcs16(frame(MULTIPURPOSE | 1 << 3 | LONG << 4 | 1 << 6, "30" + EXT_A))));
        f.add(new Frame(frame(MULTIPURPOSE | 1 << 3 | 1 << 10, "")));
        return f;
    }

    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>(standardFrames());
        f.addAll(ieFrames());
        f.addAll(multipurposeFrames());
        return f;
    }

    /** An IE's 2-byte descriptor (little-endian) for its content's length and the bits given, then the content. */
    static String ie(int bits, String content) {
        int v = bits | hex(content).length;
        return String.format("%02x%02x ", v & 0xff, v >> 8 & 0xff) + content + " ";
    }

    /** A header IE (type 0): element ID in bits 7-14. */
    static String headerIe(int id, String content) {
        return ie(id << 7, content);
    }

    /** A payload IE (type 1): group ID in bits 11-14. */
    static String payloadIe(int group, String content) {
        return ie(1 << 15 | group << 11, content);
    }

    /** MLME sub-IEs: short (sub-ID in bits 8-14) and long (type 1, sub-ID in bits 11-14). */
    static String shortMlme(int id, String content) {
        return ie(id << 8, content);
    }

    static String longMlme(int id, String content) {
        return ie(1 << 15 | id << 11, content);
    }

    /**
     * Data frames with header IEs of each kind tcpdump decodes at -vvvv (vendor, CSL, RIT, DSME PAN descriptors,
     * rendezvous time, time correction) and payload IEs (MLME with its sub-IEs: vendor, channel hopping, TSCH
     * synchronization, slotframes and timeslots; vendor; multiplexed in each transfer type; IETF), right and wrong
     * lengths; below -vvvv the same contents print as hex.
     */
    static List<Frame> ieFrames() {
        int flags = 1 << 9 | 1 << 6;
        String pending = "11 0100" + EXT_A;
        String dsme = pending + "d5 010203040506 0708 0100 0200 aabb 01 02 0300 02 00cc";
        String extendedDsme = pending + "051d 010203040506 0708 0100 0100 aa 01 02 0300 01 00 02 0b00 0c01";
        String[] headers = {
            headerIe(0x00, "0a0b0c ddee") + headerIe(0x00, "0102"),
            headerIe(0x1a, "1000 2000") + headerIe(0x1a, "1000 2000 3000") + headerIe(0x1a, "1000 2000 30")
                + headerIe(0x1a, "10"),
            headerIe(0x1b, "01 02 0300") + headerIe(0x1b, "01"),
            headerIe(0x1c, "ff4f" + dsme),
            headerIe(0x21, "ff4f" + extendedDsme),
            headerIe(0x1c, "ff") + headerIe(0x1c, "ff4f") + headerIe(0x1c, "ff4f 17 0100") + headerIe(0x21, "ff4f 00 05"),
            headerIe(0x1c, "ff4f 00 d5 0102"),
            headerIe(0x1c, "ff4f 00 d5 010203040506 0708 0100 0500 aa"),
            headerIe(0x21, "ff4f 00 0510 010203040506 0708 0100 0000 01 02 0300 00 00 05 0100"),
            headerIe(0x1d, "1000 2000") + headerIe(0x1d, "1000") + headerIe(0x1e, "fe8f") + headerIe(0x1e, "0500")
                + headerIe(0x1e, "050000") + headerIe(0x22, "0102"),
        };
        String[] payloads = {
            payloadIe(1, longMlme(0x08, "0a0b0c 0102") + longMlme(0x08, "0a") + longMlme(0x09, "05")
                + longMlme(0x09, "05 09 1000 78563412 ffff 0200 0100 0200 0300")
                + longMlme(0x09, "05 00 0100 00000000") + longMlme(0x09, "05 00 0100") + longMlme(0x0a, "01")),
            payloadIe(1, shortMlme(0x1a, "0102030405 06") + shortMlme(0x1a, "0102") + shortMlme(0x1d, "0102")),
            payloadIe(1, shortMlme(0x1b, "01 00 1000 02 0100 0200 1f 0300 0400 01")
                + shortMlme(0x1b, "02 00 1000 01 0100 0200 03") + shortMlme(0x1b, "01 00 1000 02 0100 0200 1f")),
            payloadIe(1, shortMlme(0x1c, "07") + shortMlme(0x1c, "07" + "0100".repeat(12))
                + shortMlme(0x1c, "07" + "0200".repeat(10) + "030000 040001") + shortMlme(0x1c, "010203")),
            payloadIe(1, shortMlme(0x1a, "0102030405 06") + "05"),
            payloadIe(1, shortMlme(0x1a, "0102030405 06") + "0510 01"),
            payloadIe(2, "0a0b0c 0102") + payloadIe(2, "0102") + payloadIe(5, "01 aabbcc") + payloadIe(4, "0102"),
            payloadIe(3, "00 3412 aabb") + payloadIe(3, "09 cc") + payloadIe(3, "0a 00 2000 3412 dd")
                + payloadIe(3, "0a 01 ee") + payloadIe(3, "0c 02 ff") + payloadIe(3, "0e") + payloadIe(3, "0e 0004"),
            payloadIe(3, "0e 01") + payloadIe(3, "0b 11") + payloadIe(3, "00 34") + payloadIe(3, "02")
                + payloadIe(3, "0a 00 2000") + payloadIe(3, "0f 0102"),
        };
        List<Frame> f = new ArrayList<>();
        int seq = 0x70;
        for (String header : headers) {
            f.add(new Frame(fcs16(frame(fc(DATA, flags, SHORT, 2, SHORT), String.format("%02x", seq++)
                + " cdab 0100 0200" + header + "003f 00f8 6869"))));
        }
        for (String payload : payloads) {
            f.add(new Frame(fcs16(frame(fc(DATA, flags, SHORT, 2, SHORT), String.format("%02x", seq++)
                + " cdab 0100 0200 003f" + payload + "00f8 6869"))));
        }
        return f;
    }

    /** The frames as LINKTYPE_IEEE802_15_4_WITHFCS captures them. */
    @Nested
    class WithFcs extends TcpdumpConformance {
        @Override
        int linkType() {
            return LinkType.IEEE802_15_4_WITHFCS;
        }

        @Override
        List<Frame> frames() {
            return allFrames();
        }

        @Override
        Checks checks() {
            return Checks.of(new Mutants("WPAN", 195, 6))
                .whole("", "-v", "-vv", "-vvv", "-e -vvv", "-q", "-vvv -x", "-vvvv", "-vvvvv -x")
                .cut("-x", "-vvv -x", "-vvv", "-vvvv")
                .allocation("", "-v", "-vv", "-vvv", "-vvvv");
        }

        @Override
        int start(byte[] frame) {
            return 0;
        }
    }

    /** LINKTYPE_IEEE802_15_4_NOFCS: the same printer (tcpdump still looks for an FCS). */
    @Nested
    class NoFcs extends TcpdumpConformance {
        @Override
        int linkType() {
            return LinkType.IEEE802_15_4_NOFCS;
        }

        @Override
        List<Frame> frames() {
            return multipurposeFrames();
        }

        @Override
        Checks checks() {
            return Checks.of(new Mutants("WPAN_NOFCS", 230, 2))
                .whole("", "-vvv", "-x");
        }

        @Override
        int start(byte[] frame) {
            return 0;
        }
    }

    /** LINKTYPE_IEEE802_15_4_TAP: a version, a reserved byte, the header's length, TLVs, then the frame. */
    @Nested
    class Tap extends TcpdumpConformance {
        static byte[] tap(String tlvs, byte[] frame) {
            byte[] t = hex(tlvs);
            return concat(hex("0000"), le16(4 + t.length), t, frame);
        }

        @Override
        int linkType() {
            return LinkType.IEEE802_15_4_TAP;
        }

        @Override
        List<Frame> frames() {
            byte[] data = fcs16(frame(fc(DATA, 1 << 6, SHORT, 1, SHORT), "2a cdab 3412 7856 41424344"));
            List<Frame> f = new ArrayList<>();
            f.add(new Frame(tap("", data)));
            f.add(new Frame(tap("0000 0100 01000000", data)));
            f.add(new Frame(tap("0000 0100 01000000", fcs16(frame(fc(ACK, 0, NONE, 0, NONE), "5a")))));
            f.add(new Frame(tap("", hex("01"))));
            f.add(new Frame(concat(hex("0100 0400"), data)));
            f.add(new Frame(concat(hex("0000 0300"), data)));
            f.add(new Frame(concat(hex("0000 ff00"), data)));
            f.add(new Frame(hex("000008")));
            return f;
        }

        @Override
        Checks checks() {
            return Checks.of(new Mutants("WPAN_TAP", 283, 6))
                .whole("", "-v", "-vvv", "-x");
        }

        @Override
        int start(byte[] frame) {
            return 0;
        }
    }
}
