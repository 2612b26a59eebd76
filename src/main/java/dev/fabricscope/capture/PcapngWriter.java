package dev.fabricscope.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes pcapng in the host's (little-endian) byte order: one Section Header Block (section length -1,
 * "unknown"), an Interface Description Block for each distinct capture interface the first time one of
 * its packets arrives (if_name and if_description when non-empty, if_tsresol = 9 so timestamps keep
 * nanoseconds), and an Enhanced Packet Block per packet.
 *
 * <p>Interfaces are told apart by {@link Packet#interfaceId()} and the {@link CaptureInterface} given with
 * the packet: a source that redefines an id (a new pcapng section) gets a new IDB.
 */
public final class PcapngWriter implements CaptureWriter {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int OPT_END = 0, SHB_USERAPPL = 4, IF_NAME = 2, IF_DESCRIPTION = 3, IF_TSRESOL = 9;
    private static final byte[] USER_APPLICATION = "fabricscope".getBytes(StandardCharsets.UTF_8);

    private final RecordOutput out;
    private CaptureInterface[] known = new CaptureInterface[4]; // by source interface id
    private int[] idbIndex = new int[4];
    private int idbCount;

    PcapngWriter(RecordOutput out) throws IOException {
        this.out = out;
        int length = 28 + option(USER_APPLICATION.length) + 4;
        ByteBuffer b = out.begin(length);
        b.putInt(SHB).putInt(length).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        putOption(b, SHB_USERAPPL, USER_APPLICATION);
        b.putShort((short) OPT_END).putShort((short) 0);
        b.putInt(length);
        out.end();
    }

    @Override
    public void write(Packet packet, CaptureInterface iface) throws IOException {
        int idb = interfaceIndex(packet.interfaceId(), iface);
        long ts = packet.timestampNanos();
        int capLen = packet.capLen();
        int padding = -capLen & 3;
        int length = 32 + capLen + padding;
        ByteBuffer b = out.begin(length);
        b.putInt(EPB).putInt(length).putInt(idb).putInt((int) (ts >>> 32)).putInt((int) ts)
                .putInt(capLen).putInt(packet.origLen());
        out.putBytes(packet.bytes(), packet.offset(), capLen);
        out.putZeros(padding);
        b.putInt(length);
        out.end();
    }

    private int interfaceIndex(int id, CaptureInterface iface) throws IOException {
        if (id < 0) throw new IOException(out.name() + ": negative interface id " + id);
        if (id >= known.length) {
            int size = Math.max(id + 1, known.length * 2);
            known = Arrays.copyOf(known, size);
            idbIndex = Arrays.copyOf(idbIndex, size);
        }
        CaptureInterface seen = known[id];
        if (seen != iface && !iface.equals(seen)) {
            writeIdb(iface);
            known[id] = iface;
            idbIndex[id] = idbCount++;
        }
        return idbIndex[id];
    }

    private void writeIdb(CaptureInterface iface) throws IOException {
        byte[] name = optionValue(iface.name());
        byte[] description = optionValue(iface.description());
        int options = (name.length > 0 ? option(name.length) : 0)
                + (description.length > 0 ? option(description.length) : 0) + option(1) + 4;
        int length = 20 + options;
        ByteBuffer b = out.begin(length);
        b.putInt(IDB).putInt(length).putShort((short) DltNames.fileLinkType(iface.linkType())).putShort((short) 0)
                .putInt(iface.snapLen());
        if (name.length > 0) putOption(b, IF_NAME, name);
        if (description.length > 0) putOption(b, IF_DESCRIPTION, description);
        putOption(b, IF_TSRESOL, new byte[] {9});
        b.putShort((short) OPT_END).putShort((short) 0);
        b.putInt(length);
        out.end();
    }

    /** An option value is at most 65535 bytes (16-bit length); longer text is cut. */
    private static byte[] optionValue(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length > 0xFFFF ? Arrays.copyOf(bytes, 0xFFFF) : bytes;
    }

    private static int option(int valueLength) {
        return 4 + valueLength + (-valueLength & 3);
    }

    private static void putOption(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        for (int i = 0; i < (-value.length & 3); i++) b.put((byte) 0);
    }

    @Override
    public long size() { return out.size(); }

    @Override
    public String name() { return out.name(); }

    @Override
    public void flush() throws IOException { out.flush(); }

    @Override
    public void close() throws IOException { out.close(); }
}
