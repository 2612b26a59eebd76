package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ATA over Ethernet (ethertype 0x88a2) as tcpdump 4.99's print-aoe.c: "AoE length 60, Ver 1, Flags: [Response]";
 * -v adds the error, major/minor, command and tag, then the argument of the four version 1 commands (issue ATA
 * command, query config information, MAC mask list, reserve/release) on further lines. Lengths that do not fit are
 * " (invalid)", after which tcpdump checks the rest was captured; fetches past the capture end the line with
 * " [|aoe]" ({@link EarlyEnd}).
 */
final class AoeFormatter {
    static final int ETHERTYPE = 0x88a2;
    private static final int VERSION_1 = 1;
    private static final int COMMON_HEADER = 10, ISSUE_ARG = 12, QUERY_ARG = 8, MAC_ARG = 4, RESERVE_ARG = 2;
    private static final int MAX_CONFIG_STRING = 1024, MAC_LENGTH = 6;
    private static final int FLAG_ERROR = 0x04;

    private static final String[] COMMANDS = {"Issue ATA Command", "Query Config Information", "MAC Mask List",
        "Reserve/Release"};
    private static final int[] FLAG_MASKS = {0x08, 0x04, 0x02, 0x01};
    private static final String[] FLAGS = {"Response", "Error", "MBZ-1", "MBZ-0"};
    private static final String[] ERRORS = {"Unrecognized command code", "Bad argument parameter",
        "Device unavailable", "Config string present", "Unsupported version", "Target is reserved"};
    private static final int[] ATA_FLAG_MASKS = {0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01};
    private static final String[] ATA_FLAGS = {"MBZ-7", "Ext48", "MBZ-5", "Device", "MBZ-3", "MBZ-2", "Async",
        "Write"};
    private static final String[] CONFIG_COMMANDS = {"read config string", "test config string",
        "test config string prefix", "set config string", "force set config string"};
    private static final String[] MASK_COMMANDS = {"Read Mac Mask List", "Edit Mac Mask List"};
    private static final String[] MASK_ERRORS = {"Unspecified Error", "Bad DCmd directive", "Mask list full"};
    private static final String[] DIRECTIVES = {"No Directive", "Add mac address to mask list",
        "Delete mac address from mask list"};
    private static final String[] RESERVE_COMMANDS = {"Read reserve list", "Set reserve list",
        "Force set reserve list"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    AoeFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}, {@code length} bytes on the wire. */
    void format(Packet p, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "aoe");
        }
    }

    private void message(int cp, int len, StringBuilder out) {
        out.append("AoE length ").append(Integer.toUnsignedLong(len));   // tcpdump's u_int (a jumbogram's frame)
        if (len == 0) {
            invalid(cp, len, out);
            return;
        }
        int version = bytes.u8(cp) >>> 4;   // the low four bits are the version's own (v1: flags)
        out.append(", Ver ").append(version);
        if (version == VERSION_1) version1(cp, len, out);
    }

    private void version1(int cp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, COMMON_HEADER) < 0) {
            invalid(cp, len, out);
            return;
        }
        int flags = bytes.u8(cp) & 0x0f;
        out.append(", Flags: [");
        LldpText.bits(out, flags, FLAG_MASKS, FLAGS, "none");
        out.append(']');
        if (!verbosity.verbose()) return;
        if ((flags & FLAG_ERROR) != 0) {
            int error = bytes.u8(cp + 1);
            out.append("\n\tError: ");
            String name = LldpText.name(ERRORS, 1, error, null);
            if (name != null) out.append(name);
            else out.append("Invalid (").append(error).append(')');
        }
        int major = bytes.u16(cp + 2);
        out.append("\n\tMajor: 0x");
        Text.hex(out, major, 4);
        int minor = bytes.u8(cp + 4);
        out.append(", Minor: 0x");
        Text.hex(out, minor, 2);
        int command = bytes.u8(cp + 5);
        out.append(", Command: ");
        named(COMMANDS, 0, command, out);
        long tag = bytes.u32(cp + 6);
        out.append(", Tag: 0x");
        Text.hex(out, tag, 8);
        cp += COMMON_HEADER;
        len -= COMMON_HEADER;
        switch (command) {
            case 0 -> issue(cp, len, out);
            case 1 -> query(cp, len, out);
            case 2 -> macMaskList(cp, len, out);
            case 3 -> reserve(cp, len, out);
            default -> { }
        }
    }

    private void issue(int cp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, ISSUE_ARG) < 0) {
            invalid(cp, len, out);
            return;
        }
        int aflags = bytes.u8(cp);
        out.append("\n\tAFlags: [");
        LldpText.bits(out, aflags, ATA_FLAG_MASKS, ATA_FLAGS, "none");
        out.append(']');
        int feature = bytes.u8(cp + 1);
        out.append(", Err/Feature: ").append(feature);
        int sectors = bytes.u8(cp + 2);
        out.append(", Sector Count: ").append(sectors);   // not tied to the data's length
        int status = bytes.u8(cp + 3);
        out.append(", Cmd/Status: ").append(status);
        for (int i = 0; i < 6; i++) {
            int lba = bytes.u8(cp + 4 + i);
            out.append(i == 0 ? "\n\tlba" : ", lba").append(i).append(": ").append(lba);
        }
        bytes.need(cp + 10, 2);   // reserved
        len -= ISSUE_ARG;
        if (len != 0) out.append("\n\tData: ").append(Integer.toUnsignedLong(len)).append(" bytes");
    }

    private void query(int cp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, QUERY_ARG) < 0) {
            invalid(cp, len, out);
            return;
        }
        int buffers = bytes.u16(cp);
        out.append("\n\tBuffer Count: ").append(buffers);
        int firmware = bytes.u16(cp + 2);
        out.append(", Firmware Version: ").append(firmware);
        int sectors = bytes.u8(cp + 4);
        out.append(", Sector Count: ").append(sectors);
        int aoeCcmd = bytes.u8(cp + 5);
        out.append(", AoE: ").append(aoeCcmd >>> 4).append(", CCmd: ");
        // tcpdump's format for an unknown code lacks its '%': the text is printed as it stands
        out.append(LldpText.name(CONFIG_COMMANDS, 0, aoeCcmd & 0x0f, "Unknown (0x02x)"));
        int configLength = bytes.u16(cp + 6);
        cp += QUERY_ARG;
        len -= QUERY_ARG;
        if (configLength > MAX_CONFIG_STRING || Integer.compareUnsigned(configLength, len) > 0) {
            invalid(cp, len, out);
            return;
        }
        if (configLength > 0) {
            out.append("\n\tConfig String (length ").append(configLength).append("): ");
            bytes.printn(out, cp, configLength);
        }
    }

    private void macMaskList(int cp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, MAC_ARG) < 0) {
            invalid(cp, len, out);
            return;
        }
        int maskCommand = bytes.u8(cp + 1);
        out.append("\n\tMCmd: ");
        named(MASK_COMMANDS, 0, maskCommand, out);
        int maskError = bytes.u8(cp + 2);
        out.append(", MError: ");
        named(MASK_ERRORS, 1, maskError, out);
        int directives = bytes.u8(cp + 3);
        cp += MAC_ARG;
        len -= MAC_ARG;
        out.append(", Dir Count: ").append(directives);
        if (Integer.compareUnsigned(directives * 8, len) > 0) {
            invalid(cp, len, out);
            return;
        }
        for (int i = 0; i < directives; i++, cp += 8) {   // reserved, DCmd, address
            int directive = bytes.u8(cp + 1);
            out.append("\n\t DCmd: ");
            named(DIRECTIVES, 0, directive, out);
            bytes.need(cp + 2, MAC_LENGTH);
            out.append(", Ethernet Address: ");
            Text.linkAddress(out, bytes.packet(), cp + 2, MAC_LENGTH);
        }
    }

    private void reserve(int cp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, RESERVE_ARG) < 0
                || Integer.remainderUnsigned(len - RESERVE_ARG, MAC_LENGTH) != 0) {
            invalid(cp, len, out);
            return;
        }
        int reserveCommand = bytes.u8(cp);
        out.append("\n\tRCmd: ");
        named(RESERVE_COMMANDS, 0, reserveCommand, out);
        int addresses = bytes.u8(cp + 1);
        cp += RESERVE_ARG;
        len -= RESERVE_ARG;
        out.append(", NMacs: ").append(addresses);
        if (addresses * MAC_LENGTH != len) {
            invalid(cp, len, out);
            return;
        }
        for (int i = 0; i < addresses; i++, cp += MAC_LENGTH) {
            bytes.need(cp, MAC_LENGTH);   // GET_ETHERADDR_STRING fetches the address before anything is printed
            out.append("\n\tEthernet Address ").append(i).append(": ");
            Text.linkAddress(out, bytes.packet(), cp, MAC_LENGTH);
        }
    }

    /** tcpdump's tok2str with "Unknown (0x%02x)". */
    private static void named(String[] names, int first, int value, StringBuilder out) {
        String name = LldpText.name(names, first, value, null);
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown (0x");
            Text.hex(out, value, 2);
            out.append(')');
        }
    }

    /** nd_print_invalid, then tcpdump's check that the rest was captured. */
    private void invalid(int cp, int len, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(cp, len);
    }
}
