package dev.fabricscope.rdma;

import static dev.fabricscope.rdma.ExtendedHeader.AETH;
import static dev.fabricscope.rdma.ExtendedHeader.ATOMIC_ACK_ETH;
import static dev.fabricscope.rdma.ExtendedHeader.ATOMIC_ETH;
import static dev.fabricscope.rdma.ExtendedHeader.DETH;
import static dev.fabricscope.rdma.ExtendedHeader.FETH;
import static dev.fabricscope.rdma.ExtendedHeader.IETH;
import static dev.fabricscope.rdma.ExtendedHeader.IMM_DT;
import static dev.fabricscope.rdma.ExtendedHeader.RDETH;
import static dev.fabricscope.rdma.ExtendedHeader.RETH;
import static dev.fabricscope.rdma.ExtendedHeader.XRCETH;

/**
 * One BTH opcode: its transport family, operation name and the extended headers that follow the BTH
 * (IBTA vol. 1, table "OpCode field" and 9.3 "packet header layout"; FLUSH and ATOMIC WRITE from the
 * 1.5 memory placement extensions; CNP from the RoCEv2 annex A17). Operation names are Wireshark's
 * ({@code tshark -G values}, field infiniband.bth.opcode), so {@link #wiresharkName()} equals what
 * tshark prints; {@link #name()} is the short form "RC SEND First".
 *
 * <p>{@link #of} is a table lookup (no allocation); undefined codes yield a shared "Unknown" entry per
 * code with {@link #defined()} false and no extended headers.
 */
public record Opcode(int code, TransportFamily family, String operation, int headers, boolean defined) {
    public static final int RC_SEND_FIRST = 0x00;
    public static final int RC_ACKNOWLEDGE = 0x11;
    public static final int RC_ATOMIC_ACKNOWLEDGE = 0x12;
    public static final int UD_SEND_ONLY = 0x64;
    public static final int UD_SEND_ONLY_IMMEDIATE = 0x65;
    /** What Wireshark names CNP. */
    public static final int CNP_WIRESHARK = 0x80;
    /** The RoCEv2 congestion notification packet (annex A17). */
    public static final int CNP = 0x81;

    private static final Opcode[] TABLE = buildTable();

    public static Opcode of(int code) {
        return TABLE[code & 0xff];
    }

    /** Short name: family abbreviation and operation, e.g. "RC SEND First", "UD SEND only", "CNP". */
    public String name() {
        if (family == TransportFamily.CNP && defined) return "CNP";
        return family.name() + " " + operation;
    }

    /** The name tshark shows for infiniband.bth.opcode. */
    public String wiresharkName() {
        if (family == TransportFamily.CNP && defined) return "CNP";
        return family.wiresharkName() + " - " + operation;
    }

    public boolean has(ExtendedHeader h) {
        return h.in(headers);
    }

    /** Bytes of extended headers after the BTH for this opcode. */
    public int extendedHeadersLength() {
        return ExtendedHeader.totalLength(headers);
    }

    /** Bytes of extended headers after the BTH for {@code opcode} (0 for undefined opcodes). */
    public static int extendedHeadersLength(int opcode) {
        return of(opcode).extendedHeadersLength();
    }

    /** Where the payload starts for a BTH at {@code bthOffset}. */
    public static int payloadOffset(int bthOffset, int opcode) {
        return bthOffset + Bth.LENGTH + extendedHeadersLength(opcode);
    }

    /** Offset of header {@code h} for a BTH at {@code bthOffset}, or -1 when this opcode has none. */
    public int offsetOf(int bthOffset, ExtendedHeader h) {
        int rel = ExtendedHeader.offsetOf(headers, h);
        return rel < 0 ? -1 : bthOffset + Bth.LENGTH + rel;
    }

    public boolean isCnp() {
        return code == CNP || code == CNP_WIRESHARK;
    }

    private static int mask(ExtendedHeader... hs) {
        int m = 0;
        for (ExtendedHeader h : hs) m |= h.bit();
        return m;
    }

    private static Opcode[] buildTable() {
        Opcode[] t = new Opcode[256];
        for (int c = 0; c < 256; c++) t[c] = new Opcode(c, TransportFamily.of(c), "Unknown", 0, false);
        // The operations RC, UC, RD and XRC share, by their low five bits.
        String[] ops = {
            "SEND First", "SEND Middle", "SEND Last", "SEND Last with Immediate", "SEND Only",
            "SEND Only with Immediate", "RDMA WRITE First", "RDMA WRITE Middle", "RDMA WRITE Last",
            "RDMA WRITE Last with Immediate", "RDMA WRITE Only", "RDMA WRITE Only with Immediate",
            "RDMA READ Request", "RDMA READ response First", "RDMA READ response Middle",
            "RDMA READ response Last", "RDMA READ response Only", "Acknowledge", "ATOMIC Acknowledge",
            "CmpSwap", "FetchAdd"};
        int imm = mask(IMM_DT);
        int[] requestHeaders = {
            0, 0, 0, imm, 0, imm, mask(RETH), 0, 0, imm, mask(RETH), mask(RETH, IMM_DT), mask(RETH),
            mask(AETH), 0, mask(AETH), mask(AETH), mask(AETH), mask(AETH, ATOMIC_ACK_ETH),
            mask(ATOMIC_ETH), mask(ATOMIC_ETH)};
        // RC: 0x00-0x14, 0x16-0x17, 0x1c-0x1d.
        for (int i = 0; i < ops.length; i++) put(t, i, ops[i], requestHeaders[i]);
        put(t, 0x16, "SEND Last with Invalidate", mask(IETH));
        put(t, 0x17, "SEND Only with Invalidate", mask(IETH));
        put(t, 0x1c, "FLUSH", mask(FETH, RETH));
        put(t, 0x1d, "ATOMIC WRITE", mask(RETH));
        // UC: sends and writes only, 0x20-0x2b.
        for (int i = 0; i <= 0x0b; i++) put(t, 0x20 + i, ops[i], requestHeaders[i]);
        // RD: every packet carries RDETH; requests also DETH (responses do not). 0x55 RESYNC.
        for (int i = 0; i < ops.length; i++) {
            boolean response = i >= 0x0d && i <= 0x12;
            int h = mask(RDETH) | requestHeaders[i] | (response ? 0 : mask(DETH));
            put(t, 0x40 + i, ops[i], h);
        }
        put(t, 0x55, "RESYNC", mask(RDETH, DETH));
        // UD.
        put(t, UD_SEND_ONLY, "SEND only", mask(DETH));
        put(t, UD_SEND_ONLY_IMMEDIATE, "SEND only with Immediate", mask(DETH, IMM_DT));
        // CNP: no extended header; 16 reserved bytes of payload.
        put(t, CNP_WIRESHARK, "CNP", 0);
        put(t, CNP, "CNP", 0);
        // XRC: requests carry XRCETH before the other headers; responses are as RC's.
        for (int i = 0; i < ops.length; i++) {
            boolean response = i >= 0x0d && i <= 0x12;
            put(t, 0xa0 + i, ops[i], requestHeaders[i] | (response ? 0 : mask(XRCETH)));
        }
        put(t, 0xb6, "SEND Last with Invalidate", mask(XRCETH, IETH));
        put(t, 0xb7, "SEND Only with Invalidate", mask(XRCETH, IETH));
        return t;
    }

    private static void put(Opcode[] t, int code, String operation, int headers) {
        t[code] = new Opcode(code, TransportFamily.of(code), operation, headers, true);
    }
}
