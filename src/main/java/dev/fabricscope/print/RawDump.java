package dev.fabricscope.print;

/** The raw bytes tcpdump prints after each packet's line: -x, -xx, -X, -XX, -A, -AA. */
public enum RawDump {
    NONE(false, false, false),
    /** {@code -x}: hex of the packet after its link-layer header. */
    HEX(true, false, false),
    /** {@code -xx}: hex of the whole packet. */
    HEX_WITH_LINK(true, false, true),
    /** {@code -X}: hex and ASCII after the link-layer header. */
    HEX_ASCII(true, true, false),
    /** {@code -XX}: hex and ASCII of the whole packet. */
    HEX_ASCII_WITH_LINK(true, true, true),
    /** {@code -A}: ASCII after the link-layer header. */
    ASCII(false, true, false),
    /** {@code -AA}: ASCII of the whole packet. */
    ASCII_WITH_LINK(false, true, true);

    final boolean hex;
    final boolean ascii;
    final boolean withLinkHeader;

    RawDump(boolean hex, boolean ascii, boolean withLinkHeader) {
        this.hex = hex;
        this.ascii = ascii;
        this.withLinkHeader = withLinkHeader;
    }

    /** What tcpdump prints for {@code -x}, {@code -X} and {@code -A} given that many times; -X wins over -x, -x over -A. */
    public static RawDump ofFlags(int x, int bigX, int a) {
        if (bigX > 0) return bigX > 1 ? HEX_ASCII_WITH_LINK : HEX_ASCII;
        if (x > 0) return x > 1 ? HEX_WITH_LINK : HEX;
        if (a > 0) return a > 1 ? ASCII_WITH_LINK : ASCII;
        return NONE;
    }
}
