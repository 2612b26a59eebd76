package dev.fabricscope.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * pcapng (IETF draft-ietf-opsawg-pcapng): sections of blocks, each {type, total length, body, total
 * length}. Packets come from EPB, SPB and the obsolete OPB; IDBs define interfaces per section;
 * everything else (NRB, ISB, DSB, custom, unknown) is skipped. Every step consumes a whole block of at
 * least 12 bytes, so a corrupt file cannot make the reader loop.
 */
final class PcapngReader implements PacketSource {
    static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 1;
    private static final int OPB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;

    private static final int OPT_END = 0;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private static final int MIN_BLOCK = 12;
    private static final int MIN_SHB = 28;
    private static final int MIN_IDB = 20;
    private static final int MIN_EPB = 32; // also OPB
    private static final int MIN_SPB = 16;
    /** SHB and IDB are buffered whole; nothing legitimate there comes near this. */
    private static final long MAX_META_BLOCK = 16L << 20;
    /** A packet block is buffered whole: the largest record plus room for options. */
    private static final long MAX_PACKET_BLOCK = Limits.MAX_RECORD + (1L << 20);


    private final ByteInput in;
    private final String name;
    private final ProblemReporter problems;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final List<CaptureInterface> interfacesView = Collections.unmodifiableList(interfaces);
    /** Interfaces of the current section, indexed by the section-local id packets carry. */
    private final List<PcapngInterface> section = new ArrayList<>();
    private boolean bigEndian;
    private long frame;
    private boolean done;

    private PcapngReader(ByteInput in, String name, ProblemReporter problems) {
        this.in = in;
        this.name = name;
        this.problems = problems;
    }

    /**
     * Reads the first section header (a bad one throws, naming the file), then the blocks before the first packet
     * up to the first interface description, as libpcap does when it opens a file: the first interface is then
     * known at once (tcpdump's "reading from file" line, the link type a filter is compiled for, a pcap output's
     * header). Problems found there are reported as next() would report them.
     */
    static PcapngReader open(ByteInput in, String name, ProblemReporter problems) throws IOException {
        PcapngReader r = new PcapngReader(in, name, problems);
        r.sectionHeader(true);
        r.readToFirstInterface();
        return r;
    }

    /** Stops before a packet block, a section header or a block next() must judge; libpcap fails on those here. */
    private void readToFirstInterface() throws IOException {
        while (!done && interfaces.isEmpty()) {
            long start = in.position();
            long at = in.fill(8);
            if (at < 0) return;
            int type = i32(at);
            long length = u32(at + 4);
            if (type == SHB || isPacketBlock(type) || !validBlockLength(length)) return;
            metadataBlock(type, start, length);
        }
    }

    @Override
    public boolean next(Packet packet) throws IOException {
        while (!done) {
            long start = in.position();
            long at = in.fill(8);
            if (at < 0) {
                if (in.available() > 0) {
                    stop("truncated block header at offset " + start + " (" + in.available() + " of 8 bytes)");
                }
                done = true;
                return false;
            }
            int type = i32(at);
            if (type == SHB) {
                sectionHeader(false);
                continue;
            }
            long length = u32(at + 4);
            if (!validBlockLength(length)) {
                stop("block at offset " + start + " (type " + hexType(type) + ") has invalid length " + length);
            } else if (isPacketBlock(type)) {
                if (packetBlock(packet, type, start, length)) return true;
            } else {
                metadataBlock(type, start, length);
            }
        }
        return false;
    }

    private static boolean isPacketBlock(int type) {
        return type == EPB || type == SPB || type == OPB;
    }

    private static boolean validBlockLength(long length) {
        return length >= MIN_BLOCK && length % 4 == 0;
    }

    /** Any block but SHB and packets: an IDB defines the section's next interface, the rest is skipped. */
    private void metadataBlock(int type, long start, long length) throws IOException {
        if (type == IDB) interfaceBlock(start, length);
        else skipBlock(type, start, length);
    }

    /** Reads an SHB at the position: byte order, version; starts a new interface numbering. */
    private void sectionHeader(boolean first) throws IOException {
        long start = in.position();
        long at = in.fill(12);
        if (at < 0) {
            fail(first, "truncated section header block at offset " + start + " (" + in.available() + " of 12 bytes)");
            return;
        }
        int magic = BigEndian.i32(in.array(), (int) at + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            bigEndian = false;
        } else {
            fail(first, "section header block at offset " + start + " has bad byte-order magic (bytes in file order) 0x"
                    + String.format("%08x", magic));
            return;
        }
        long length = u32(at + 4);
        if (length < MIN_SHB || length % 4 != 0 || length > MAX_META_BLOCK) {
            fail(first, "section header block at offset " + start + " has invalid length " + length);
            return;
        }
        at = in.fill(length);
        if (at < 0) {
            fail(first, truncatedBlock("section header block", start, length));
            return;
        }
        int major = u16(at + 12);
        int minor = u16(at + 14);
        if (major != 1 || (minor != 0 && minor != 2)) {   // libpcap and Wireshark read 1.0 and 1.2 (the same)
            fail(first, "section header block at offset " + start + " has unsupported version " + major + "." + minor);
            return;
        }
        if (!trailerMatches(at, start, length, first)) return;
        in.advance(length);
        section.clear();
    }

    private void interfaceBlock(long start, long length) throws IOException {
        if (length < MIN_IDB || length > MAX_META_BLOCK) {
            stop("interface description block at offset " + start + " has invalid length " + length);
            return;
        }
        long at = in.fill(length);
        if (at < 0) {
            stop(truncatedBlock("interface description block", start, length));
            return;
        }
        if (!trailerMatches(at, start, length, false)) return;
        int linkType = u16(at + 8);
        long snapLen = u32(at + 12);
        String ifName = "";
        String description = "";
        int tsResol = PcapngInterface.DEFAULT_TSRESOL;
        long offsetSeconds = 0;
        long opt = at + 16;
        long end = at + length - 4;
        while (opt + 4 <= end) {
            int code = u16(opt);
            int len = u16(opt + 2);
            if (code == OPT_END) break;
            if (opt + 4 + len > end) {
                problems.report(name + ": interface description block at offset " + start + ": option " + code
                        + " overruns the block; ignoring the rest of its options");
                break;
            }
            long value = opt + 4;
            switch (code) {
                case IF_NAME -> ifName = string(value, len);
                case IF_DESCRIPTION -> description = string(value, len);
                case IF_TSRESOL -> {
                    if (len >= 1) tsResol = in.array()[(int) value] & 0xff;
                }
                case IF_TSOFFSET -> {
                    if (len >= 8) offsetSeconds = u64(value);
                }
                default -> { }
            }
            opt = value + ((len + 3) & ~3);
        }
        in.advance(length);
        int globalId = interfaces.size();
        // a snaplen that is negative as a C int means "no limit" to libpcap, as 0 does (see Limits.snapshot)
        interfaces.add(new CaptureInterface(ifName, description, linkType, snapLen > Integer.MAX_VALUE ? 0 : (int) snapLen,
                PcapngInterface.nanosPerUnit(tsResol)));
        section.add(new PcapngInterface(globalId, linkType, snapLen, tsResol, offsetSeconds * 1_000_000_000L));
    }

    /** Fills {@code packet} from an EPB, SPB or OPB; false (after reporting and stopping) when it is bad. */
    private boolean packetBlock(Packet packet, int type, long start, long length) throws IOException {
        String what = switch (type) {
            case EPB -> "enhanced packet block";
            case SPB -> "simple packet block";
            default -> "packet block";
        };
        int min = type == SPB ? MIN_SPB : MIN_EPB;
        if (length < min || length > MAX_PACKET_BLOCK) {
            stop(what + " at offset " + start + " has invalid length " + length);
            return false;
        }
        long at = in.fill(length);
        if (at < 0) {
            stop(truncatedBlock(what, start, length));
            return false;
        }
        if (!trailerMatches(at, start, length, false)) return false;
        long localId;
        long capLen;
        long origLen;
        long data;
        long units = 0;
        if (type == SPB) {
            localId = 0;
            origLen = u32(at + 8);
            data = at + 12;
            capLen = origLen; // bounded by the snaplen below
        } else {
            localId = type == EPB ? u32(at + 8) : u16(at + 8);
            units = (u32(at + 12) << 32) | u32(at + 16);
            capLen = u32(at + 20);
            origLen = u32(at + 24);
            data = at + 28;
        }
        if (localId >= section.size()) {
            stop(what + " at offset " + start + " refers to interface " + localId + " but the section has "
                    + section.size());
            return false;
        }
        PcapngInterface iface = section.get((int) localId);
        // libpcap 1.10's rules (tcpdump -r ... -w; tshark agrees on the SPB): a packet longer than the
        // interface's snaplen ends the file with an error; an SPB's packet is min(original length, snaplen)
        // long and must fit its block.
        long snapLen = Limits.snapshot(iface.linkType(), iface.snapLen());
        if (type == SPB) capLen = Math.min(capLen, snapLen);
        if (capLen > snapLen) {
            stop(what + " at offset " + start + " has caplen " + capLen + ", larger than the interface's snaplen "
                    + snapLen);
            return false;
        }
        if (capLen > length - min) {
            stop(what + " at offset " + start + (type == SPB ? " needs " + capLen + " bytes of packet data"
                    : " has caplen " + capLen) + " but room for only " + (length - min) + " bytes");
            return false;
        }
        in.advance(length);
        long ts = type == SPB ? 0 : iface.nanos(units);
        packet.set(in.array(), (int) data, (int) capLen, (int) Math.min(origLen, Integer.MAX_VALUE), ts,
                iface.globalId(), iface.linkType(), ++frame);
        if (bigEndian) HostOrderHeaders.fromBigEndian(packet);
        return true;
    }

    private void skipBlock(int type, long start, long length) throws IOException {
        if (!in.skip(length - 4)) {
            stop("truncated block at offset " + start + " (type " + hexType(type) + ", length " + length + ", "
                    + (in.position() - start) + " bytes left)");
            return;
        }
        long at = in.fill(4);
        if (at < 0) {
            stop("truncated block at offset " + start + " (type " + hexType(type) + ", length " + length + ", "
                    + (length - 4 + in.available()) + " bytes left)");
            return;
        }
        long trailer = u32(at);
        if (trailer != length) {
            stop("block at offset " + start + " (type " + hexType(type) + "): trailing length " + trailer
                    + " differs from leading length " + length);
            return;
        }
        in.advance(4);
    }

    private boolean trailerMatches(long at, long start, long length, boolean first) throws IOException {
        long trailer = u32(at + length - 4);
        if (trailer == length) return true;
        fail(first, "block at offset " + start + " (type " + hexType(i32(at))
                + "): trailing length " + trailer + " differs from leading length " + length);
        return false;
    }

    private String truncatedBlock(String what, long start, long length) {
        return "truncated " + what + " at offset " + start + " (length " + length + ", " + in.available()
                + " bytes left)";
    }

    private void fail(boolean first, String message) throws CaptureFormatException {
        if (first) throw new CaptureFormatException(name + ": " + message);
        stop(message);
    }

    private void stop(String message) {
        problems.report(name + ": " + message + "; stopping");
        done = true;
    }

    private static String hexType(int type) {
        return String.format("0x%08x", type);
    }

    private int i32(long at) {
        return bigEndian ? BigEndian.i32(in.array(), (int) at) : (int) LittleEndian.u32(in.array(), (int) at);
    }

    private long u32(long at) {
        return Integer.toUnsignedLong(i32(at));
    }

    private int u16(long at) {
        int i = (int) at;
        byte[] b = in.array();
        return bigEndian ? BigEndian.u16(b, i) : (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private long u64(long at) {
        long a = u32(at);
        long b = u32(at + 4);
        return bigEndian ? (a << 32) | b : (b << 32) | a;
    }

    private String string(long at, int len) {
        byte[] b = new byte[len];
        System.arraycopy(in.array(), (int) at, b, 0, len);
        int n = len;
        while (n > 0 && b[n - 1] == 0) n--;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Override public List<CaptureInterface> interfaces() { return interfacesView; }

    @Override public CaptureFormat format() { return CaptureFormat.PCAPNG; }

    @Override public String name() { return name; }

    @Override public long bytesRead() { return in.position(); }

    @Override public long totalBytes() { return in.size(); }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
