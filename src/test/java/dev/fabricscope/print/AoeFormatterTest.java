package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ATA over Ethernet (ethertype 0x88a2) against tcpdump 4.99 itself. A version 1 message: Ver/Flags (version in the
 * high nibble; Response 0x08, Error 0x04), Error, Major (16 bits), Minor, Command, Tag (32 bits), then the command's
 * argument: issue ATA command (AFlags, Err/Feature, Sector Count, Cmd/Status, lba0..lba5, 2 reserved, data), query
 * config information (Buffer Count, Firmware Version, Sector Count, AoE/CCmd, config string length, the string), MAC
 * mask list (reserved, MCmd, MError, Dir Count, then 8-byte directives: reserved, DCmd, address) and reserve/release
 * (RCmd, NMacs, addresses). Every command, unknown codes, every length check, other versions, whole, cut after every
 * byte and mutated.
 */
class AoeFormatterTest extends TcpdumpConformance {
    /** A version 1 header: flags, error, major, minor, command, tag. */
    static byte[] header(int flags, int error, int major, int minor, int command, long tag) {
        return concat(new byte[] {(byte) (0x10 | flags), (byte) error}, u16(major),
            new byte[] {(byte) minor, (byte) command}, u32(tag));
    }

    static Frame aoe(byte[]... parts) {
        return new Frame(ethernet(AoeFormatter.ETHERTYPE, concat(parts)));
    }

    static byte[] config(int length, int filled) {
        byte[] s = new byte[filled];
        for (int i = 0; i < filled; i++) s[i] = (byte) ('a' + i % 26);
        return concat(hex("0010 0102 02 13"), u16(length), s);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // issue ATA command: an IDENTIFY request, then its response with a sector of data
        f.add(aoe(header(0, 0, 1, 2, 0, 0xabcd), hex("00 00 01 ec 00 00 00 00 00 00 0000")));
        f.add(aoe(header(0x08, 0, 1, 2, 0, 0xabcd), hex("00 00 01 50 00 00 00 00 00 00 0000"), zeros(512)));
        f.add(aoe(header(0x08, 0, 0xffff, 0xff, 0, 0xffffffffL), hex("53 01 02 35 01 02 03 04 05 06 0000 dead")));
        f.add(aoe(header(0x03, 0, 7, 1, 0, 1), hex("ff 7f 80 c8 ff fe fd fc fb fa 1234")));
        f.add(aoe(header(0, 0, 7, 1, 0, 1), hex("40 00 01 ec 00 00 00 00 00 00 00")));     // argument too short
        // query config information: no string, a string with unprintable bytes, unknown CCmd, strings too long
        f.add(aoe(header(0, 0, 0xffff, 0xff, 1, 2), hex("0000 0000 00 00 0000")));
        f.add(aoe(header(0x08, 0, 3, 4, 1, 2), hex("0010 4001 02 13 0007"), hex("6869 01 ff 7f 20 41")));
        f.add(aoe(header(0x08, 0, 3, 4, 1, 2), hex("0010 4001 02 1f 0000")));
        f.add(aoe(header(0x08, 0, 3, 4, 1, 2), hex("0010 4001 02 1f 0005 6869")));
        f.add(aoe(header(0x08, 0, 3, 4, 1, 2), config(1024, 1024)));
        f.add(aoe(header(0x08, 0, 3, 4, 1, 2), config(1025, 1030)));
        f.add(aoe(header(0, 0, 3, 4, 1, 2), hex("0010 4001 02")));                        // argument too short
        // MAC mask list: two directives, unknown codes, more directives than bytes, too short
        f.add(aoe(header(0, 0, 1, 1, 2, 3), hex("00 01 00 02"), hex("00 01"), MAC_A, hex("00 02"), MAC_B));
        f.add(aoe(header(0x08, 0, 1, 1, 2, 3), hex("00 00 00 00")));
        f.add(aoe(header(0x0c, 2, 1, 1, 2, 3), hex("00 05 09 01 00 07"), MAC_A));
        f.add(aoe(header(0x08, 0, 1, 1, 2, 3), hex("00 01 03 03 00 01"), MAC_A, hex("00 02"), MAC_B));
        f.add(aoe(header(0, 0, 1, 1, 2, 3), hex("00 01 00")));
        // reserve/release: two addresses, none, a count that disagrees, a length not in whole addresses
        f.add(aoe(header(0, 0, 9, 9, 3, 4), hex("01 02"), MAC_A, MAC_B));
        f.add(aoe(header(0x08, 0, 9, 9, 3, 4), hex("00 00")));
        f.add(aoe(header(0x08, 0, 9, 9, 3, 4), hex("07 03"), MAC_A, MAC_B));
        f.add(aoe(header(0x08, 0, 9, 9, 3, 4), hex("02 01"), MAC_A, hex("0102")));
        f.add(aoe(header(0x08, 0, 9, 9, 3, 4), hex("02")));
        // errors: each code, one unknown; unknown commands; other versions; headers too short
        for (int error = 0; error <= 7; error++) f.add(aoe(header(0x0c, error, 5, 6, 0x11, 7)));
        f.add(aoe(header(0x04, 0xff, 5, 6, 0xfe, 7), hex("0102")));
        f.add(aoe(hex("2f 00 0001 02 00 00000000")));
        f.add(aoe(hex("00")));
        f.add(aoe(hex("18 00 0001 02 00 0000")));
        f.add(aoe(hex("1f")));
        f.add(aoe());
        // padded to Ethernet's minimum, and in a VLAN
        f.add(new Frame(Arrays.copyOf(ethernet(AoeFormatter.ETHERTYPE, concat(header(0, 0, 1, 1, 3, 5), hex("0000"))),
            60)));
        f.add(new Frame(vlan(5, AoeFormatter.ETHERTYPE, concat(header(0, 0, 1, 1, 1, 2), hex("0000 0000 00 00 0000")))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("AOE", 0x88a2, 12, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e")
            .cut("-x", "-v", "")
            .mutated("-x", "-v")
            .allocation("", "-v");
    }

    /** Cut from byte 14 on, a VLAN tag too, and compared without flags as well. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The AoE message: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }
}
