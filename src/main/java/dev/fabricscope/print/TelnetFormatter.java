package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Telnet (RFC 854 and its option RFCs; TCP 23, either side) as tcpdump 4.99 prints it (print-telnet.c): the commands at
 * the start of a segment's payload, {@code  [telnet WILL ECHO, DO NAWS, SB TERMINAL TYPE SEND SE]}, until the first
 * byte that is not IAC or a command it cannot parse whole; data bytes are not shown. With -X and -vvv each command
 * gets its own line instead: {@code Telnet:}, its bytes in hex at their offset in the payload, then its text. A
 * subnegotiation shows its qualifier (the authentication and encryption ones with their type) and the rest of its
 * bytes in hex up to IAC SE. tcpdump's reads jump out of its printer: a cut command ends the packet with
 * " [|telnet]" and the raw dump then starts at byte 0 ({@link EarlyEnd}). No known difference from tcpdump.
 */
final class TelnetFormatter {
    static final int PORT = 23;
    private static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
    private static final int FIRST_COMMAND = 236;
    private static final int AUTHENTICATION = 37, ENCRYPT = 38;
    /** Commands 236 (EOF) to 255 (IAC). */
    private static final String[] COMMANDS = {"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
        "AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC"};
    /** Options 0 to 39; tcpdump shows others as a number. */
    private static final String[] OPTIONS = {"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS",
        "TIMING MARK", "RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS", "NAOVTD", "NAOLFD",
        "EXTEND ASCII", "LOGOUT", "BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT", "SEND LOCATION",
        "TERMINAL TYPE", "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC", "3270 REGIME", "X.3 PAD", "NAWS",
        "TSPEED", "LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON"};
    /** Subnegotiation qualifiers: of most options, of authentication, of encryption; null: shown as a number. */
    private static final String[] QUALIFIERS = {"IS", "SEND", "INFO"};
    private static final String[] AUTH_COMMANDS = {"IS", "SEND", "REPLY", "NAME"};
    private static final String[] AUTH_TYPES = {"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA",
        "SSL", null, null, "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM"};
    private static final String[] ENCRYPT_COMMANDS = {"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START",
        "REQUEST-END", "END_KEYID", "DEC_KEYID"};
    private static final String[] ENCRYPT_TYPES = {"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", null,
        "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64"};
    private static final long U32 = 0xffffffffL;

    private final boolean hexLines;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    /** @param hexLines tcpdump -X with -vvv: each command on its own line with its bytes */
    TelnetFormatter(boolean hexLines, EarlyEnd earlyEnd) {
        this.hexLines = hexLines;
        this.earlyEnd = earlyEnd;
    }

    /** The commands at the start of {@code length} bytes of TCP payload at {@code off}; {@code end}: snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            commands(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "telnet");
        }
    }

    private void commands(int start, long length, StringBuilder out) {
        boolean first = true;
        int at = start;
        while (length > 0 && bytes.u8(at) == IAC) {   // terminates: each command takes 2 bytes or more
            int n = parse(at, length, null);
            if (n < 0) break;
            if (hexLines) {
                if (first) out.append("\nTelnet:");
                bytes.hexPrint(out, at, "\n", n, at - start);
                if (n > 8) out.append("\n\t\t\t\t");
                else out.repeat(' ', (8 - n) * 3).append('\t');
            } else {
                out.append(first ? " [telnet " : ", ");
            }
            parse(at, length, out);
            first = false;
            at += n;
            // tcpdump's unsigned count: a subnegotiation ended by a last IAC takes one byte more than there is
            length = (length - n) & U32;
        }
        if (!first) out.append(hexLines ? "\n" : "]");
    }

    /**
     * The command at {@code start} (an IAC), {@code length} bytes from there: its length, or -1 when it is not one
     * tcpdump parses whole. Printed to {@code out} unless null (tcpdump parses each command twice: to learn its length,
     * then to print it; the reads, and so any jump, are the same).
     */
    private int parse(int start, long length, StringBuilder out) {
        int at = start;
        if (length < 1 || bytes.u8(at) != IAC) return -1;
        at++;
        length--;
        if (length < 1) return -1;
        int command = bytes.u8(at++);
        length--;
        if (command == IAC) {
            print(out, "IAC IAC");
            return at - start;
        }
        if (command < FIRST_COMMAND) return -1;
        String name = COMMANDS[command - FIRST_COMMAND];
        if (command != DONT && command != DO && command != WONT && command != WILL && command != SB) {
            print(out, name);
            return at - start;
        }
        if (length < 1) return -1;
        int option = bytes.u8(at++);
        length--;
        if (out != null) {
            out.append(name).append(' ');
            if (option < OPTIONS.length) out.append(OPTIONS[option]);
            else number(option, out);
        }
        if (command != SB) return at - start;
        // a subnegotiation: up to IAC SE, or an IAC at the very end
        int se = at;
        while (length > se + 1 - at) {
            if (bytes.u8(se) == IAC && bytes.u8(se + 1) == SE) break;
            se++;
        }
        if (bytes.u8(se) != IAC) return -1;
        String[] qualifiers = switch (option) {
            case AUTHENTICATION -> AUTH_COMMANDS;
            case ENCRYPT -> ENCRYPT_COMMANDS;
            default -> QUALIFIERS;
        };
        String[] types = option == AUTHENTICATION ? AUTH_TYPES : option == ENCRYPT ? ENCRYPT_TYPES : null;
        if (se > at) {
            if (length < 1) return -1;
            named(bytes.u8(at++), qualifiers, out);
            length--;
            if (types != null && se > at) {
                if (length < 1) return -1;
                named(bytes.u8(at++), types, out);
                length--;
            }
        }
        while (se > at) {
            if (length < 1) return -1;
            int b = bytes.u8(at++);
            length--;
            if (out != null) number(b, out.append(' '));
        }
        print(out, " SE");
        return at + 2 - start;
    }

    private static void print(StringBuilder out, String text) {
        if (out != null) out.append(text);
    }

    /** " NAME", or " 0xN" where the table has none. */
    private static void named(int value, String[] names, StringBuilder out) {
        if (out == null) return;
        out.append(' ');
        if (value < names.length && names[value] != null) out.append(names[value]);
        else number(value, out);
    }

    /** C's "%#x": "0" for zero, else "0x" and lowercase hex. */
    private static void number(int value, StringBuilder out) {
        if (value == 0) {
            out.append('0');
            return;
        }
        out.append("0x");
        Text.hex(out, value);
    }
}
