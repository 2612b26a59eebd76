package dev.fabricscope.cli;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/** Parsing of the rdma commands' values: numbers in decimal or 0x hex, literal IP addresses (no DNS), MACs. */
final class RdmaArgs {
    private RdmaArgs() { }

    /** picocli converter: "210", "0xd2", "0XD2" (no octal, no sign). */
    static final class Number implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parseNumber(value);
        }
    }

    static int parseNumber(String value) {
        String s = value.trim();
        boolean hex = s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"));
        String digits = hex ? s.substring(2) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (decimal or 0x hex)");
        }
        try {
            long v = Long.parseLong(digits, hex ? 16 : 10);
            if (v > Integer.MAX_VALUE) throw new NumberFormatException();
            return (int) v;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
    }

    /** A literal IPv4 (dotted quad) or IPv6 address as 4 or 16 bytes; never a DNS lookup. */
    static byte[] parseAddress(String value) {
        String s = value.trim();
        if (s.indexOf(':') < 0) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) throw UserError.usage("'" + value + "' is not an IPv4 or IPv6 address");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(parts[i]) > 255) {
                    throw UserError.usage("'" + value + "' is not an IPv4 or IPv6 address");
                }
                out[i] = (byte) Integer.parseInt(parts[i]);
            }
            return out;
        }
        try {
            InetAddress a = InetAddress.getByName(s); // a literal with ':' is parsed, never looked up
            if (a instanceof Inet6Address) return a.getAddress();
            if (a instanceof Inet4Address) { // ::ffff:a.b.c.d comes back as IPv4: keep it IPv6
                byte[] out = new byte[16];
                out[10] = out[11] = (byte) 0xFF;
                System.arraycopy(a.getAddress(), 0, out, 12, 4);
                return out;
            }
        } catch (UnknownHostException | RuntimeException e) {
            // fall through
        }
        throw UserError.usage("'" + value + "' is not an IPv4 or IPv6 address");
    }

    static byte[] parseMac(String value) {
        String[] parts = value.trim().split("[:-]", -1);
        if (parts.length != 6) throw UserError.usage("'" + value + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 2 || !parts[i].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw UserError.usage("'" + value + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
            }
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
