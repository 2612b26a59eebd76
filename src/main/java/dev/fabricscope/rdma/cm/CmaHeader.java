package dev.fabricscope.rdma.cm;

/**
 * The RDMA-CM (librdmacm/kernel cma) IP header at the start of REQ private data: version byte,
 * IP version in the high nibble of byte 1, source port, then two 16-byte address slots; an IPv4
 * address sits in the last 4 bytes of its slot. 36 bytes in all.
 *
 * @param sourceIp 4 bytes for IP version 4, 16 for 6, else the raw 16-byte slot
 */
public record CmaHeader(int version, int ipVersion, int sourcePort, byte[] sourceIp, byte[] destinationIp) {
    public static final int LENGTH = 36;

    static CmaHeader parse(byte[] privateData) {
        if (privateData.length < LENGTH) return null;
        int ipVersion = (privateData[1] & 0xff) >>> 4;
        int port = ((privateData[2] & 0xff) << 8) | (privateData[3] & 0xff);
        return new CmaHeader(privateData[0] & 0xff, ipVersion, port,
            slot(privateData, 4, ipVersion), slot(privateData, 20, ipVersion));
    }

    private static byte[] slot(byte[] b, int off, int ipVersion) {
        return ipVersion == 4
            ? java.util.Arrays.copyOfRange(b, off + 12, off + 16)
            : java.util.Arrays.copyOfRange(b, off, off + 16);
    }
}
