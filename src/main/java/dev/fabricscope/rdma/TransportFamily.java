package dev.fabricscope.rdma;

/**
 * The transport service an opcode belongs to: its top three bits (IBTA vol. 1, 9.2.1 "OpCode field").
 * {@link #CNP} is the RoCEv2 congestion notification packet (annex A17: opcode 0x81; Wireshark names
 * 0x80 CNP too).
 */
public enum TransportFamily {
    RC("Reliable Connection (RC)"),
    UC("Unreliable Connection (UC)"),
    RD("Reliable Datagram (RD)"),
    UD("Unreliable Datagram (UD)"),
    CNP("CNP"),
    XRC("Extended Reliable Connection (XRC)"),
    /** 0xC0-0xFF: manufacturer specific. */
    VENDOR("Manufacturer Specific");

    private final String wiresharkName;

    TransportFamily(String wiresharkName) {
        this.wiresharkName = wiresharkName;
    }

    /** The family's long name as Wireshark prefixes opcode names with. */
    public String wiresharkName() {
        return wiresharkName;
    }

    public static TransportFamily of(int opcode) {
        return switch ((opcode >>> 5) & 7) {
            case 0 -> RC;
            case 1 -> UC;
            case 2 -> RD;
            case 3 -> UD;
            case 4 -> CNP;
            case 5 -> XRC;
            default -> VENDOR;
        };
    }
}
