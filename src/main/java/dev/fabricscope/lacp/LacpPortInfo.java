package dev.fabricscope.lacp;

/**
 * The actor or partner information of a LACPDU (IEEE 802.1AX 6.4.2.3): who the port is, in which
 * aggregation key, and its state octet.
 *
 * @param systemPriority system priority (u16)
 * @param system         system MAC address, 48 bits in the low bits
 * @param key            operational key (u16)
 * @param portPriority   port priority (u16)
 * @param port           port number (u16)
 * @param state          state octet: bit 0 Activity ... bit 7 Expired
 */
public record LacpPortInfo(int systemPriority, long system, int key, int portPriority, int port, int state) {

    public static final int ACTIVITY = 0x01, TIMEOUT = 0x02, AGGREGATION = 0x04, SYNCHRONIZATION = 0x08,
            COLLECTING = 0x10, DISTRIBUTING = 0x20, DEFAULTED = 0x40, EXPIRED = 0x80;

    /** State bit names, bit 0 first, as IEEE 802.1AX names the variables. */
    public static final java.util.List<String> STATE_NAMES = java.util.List.of(
            "Activity", "Timeout", "Aggregation", "Synchronization", "Collecting", "Distributing",
            "Defaulted", "Expired");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Active LACP (1) rather than passive (0). */
    public boolean activity() { return (state & ACTIVITY) != 0; }
    /** Short (fast, 1 s / 3 s) timeout when set; long (slow, 30 s / 90 s) otherwise. */
    public boolean timeout() { return (state & TIMEOUT) != 0; }
    /** Aggregatable (1) rather than individual (0). */
    public boolean aggregation() { return (state & AGGREGATION) != 0; }
    public boolean synchronization() { return (state & SYNCHRONIZATION) != 0; }
    public boolean collecting() { return (state & COLLECTING) != 0; }
    public boolean distributing() { return (state & DISTRIBUTING) != 0; }
    /** Partner information is administrative defaults, not received. */
    public boolean defaulted() { return (state & DEFAULTED) != 0; }
    /** The receive machine is in the EXPIRED state. */
    public boolean expired() { return (state & EXPIRED) != 0; }

    /** The system MAC as "00:13:c4:12:0f:00". */
    public String systemMac() {
        return formatMac(system);
    }

    /** A 48-bit MAC (in the low bits of {@code mac}) as six lower-case colon-separated hex pairs. */
    public static String formatMac(long mac) {
        StringBuilder out = new StringBuilder(17);
        appendMac(out, mac);
        return out.toString();
    }

    /** Appends {@code mac} like {@link #formatMac} without an intermediate string. */
    public static void appendMac(StringBuilder out, long mac) {
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xff;
            out.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
            if (i > 0) out.append(':');
        }
    }
}
