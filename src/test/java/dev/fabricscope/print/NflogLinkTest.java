package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_NFLOG (Linux netfilter log, as {@code tcpdump -i nflog:N} captures it) against tcpdump 4.99 itself: the
 * 4-byte header (family, version, resource ID) and the TLVs the kernel writes (packet header, prefix, interfaces,
 * UID/GID, hardware address, payload), lengths and types in the writing host's (little-endian) order, padded to 4
 * bytes; IPv4 and IPv6 payloads, other families, unknown versions, no payload, bad TLV lengths; with and without -e,
 * in the verbosities, whole, cut after every byte and mutated.
 */
class NflogLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int AF_INET = 2, AF_INET6 = 10;
    private static final int PACKET_HDR = 1, MARK = 2, IFINDEX_INDEV = 4, HWADDR = 8, PAYLOAD = 9, PREFIX = 10,
        UID = 11, GID = 14, HWTYPE = 15;

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    /** A TLV: length (header included, before padding) and type little-endian, the value, zeros to 4 bytes. */
    static byte[] tlv(int type, byte[] value) {
        int length = 4 + value.length;
        return concat(le16(length), le16(type), value, zeros((4 - length % 4) % 4));
    }

    static byte[] nflog(int family, int resourceId, byte[]... tlvs) {
        return concat(new byte[] {(byte) family, 0}, u16(resourceId), concat(tlvs));
    }

    /** The TLVs the kernel's nfnetlink_log puts before the payload for an iptables NFLOG rule with a prefix. */
    private static byte[] kernelTlvs(int hwProtocol) {
        return concat(tlv(PACKET_HDR, concat(u16(hwProtocol), hex("03 00"))), tlv(PREFIX, ascii("drop-in\0")),
            tlv(IFINDEX_INDEV, u32(2)), tlv(MARK, u32(0x10)), tlv(HWTYPE, u16(1)),
            tlv(HWADDR, concat(u16(6), zeros(2), hex("0200 0a00 0001"), zeros(2))), tlv(UID, u32(1000)),
            tlv(GID, u32(1000)));
    }

    static byte[] ipv4Record(byte[] packet) {
        return nflog(AF_INET, 5, kernelTlvs(0x0800), tlv(PAYLOAD, packet));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ipv4Record(ipv4(1, icmpEcho(8, 0x195f, 3, new byte[24])))));
        f.add(new Frame(ipv4Record(ipv4(17, udp(1000, 2000, ascii("abcde"), IP_A, IP_B)))));
        f.add(new Frame(ipv4Record(ipv4(6, tcp(0x018, new byte[0], ascii("nflog"))))));
        f.add(new Frame(nflog(AF_INET6, 65535, kernelTlvs(0x86dd),
            tlv(PAYLOAD, ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)))));
        f.add(new Frame(nflog(AF_INET6, 0, tlv(PAYLOAD, ipv6(6, tcp(0x002, new byte[0], new byte[0]), 0x60000000L,
            IP6_A, IP6_B)))));                                                          // the payload alone
        f.add(new Frame(nflog(7, 1, tlv(PREFIX, ascii("br\0")),
            tlv(PAYLOAD, hex("0102030405060708090a0b0c0d0e0f10 11")))));              // AF_BRIDGE: not decoded
        f.add(new Frame(nflog(0, 1, tlv(PAYLOAD, hex("aabb")))));                        // family 0
        f.add(new Frame(nflog(0xff, 1, kernelTlvs(0x0800))));                            // no payload, unknown family
        f.add(new Frame(nflog(AF_INET, 1, kernelTlvs(0x0800))));                         // no payload: IP of nothing
        f.add(new Frame(nflog(AF_INET, 1)));                                             // the header alone
        byte[] version = ipv4Record(ipv4(17, udp(1, 2, new byte[0], IP_A, IP_B)));
        version[1] = 1;
        f.add(new Frame(version));                                                       // unknown version
        f.add(new Frame(nflog(AF_INET, 1, concat(le16(2), le16(PREFIX), zeros(4)))));     // shorter than a header
        f.add(new Frame(nflog(AF_INET, 1, concat(le16(0xfffe), le16(PREFIX), zeros(8))))); // rounds to 0 as a uint16_t
        f.add(new Frame(nflog(AF_INET, 1, concat(le16(0x0100), le16(PREFIX), zeros(8))))); // longer than the record
        f.add(new Frame(nflog(AF_INET, 1, tlv(UID, u32(0)), concat(le16(6), le16(PAYLOAD), hex("4500")))));  // no pad
        f.add(new Frame(nflog(AF_INET, 1, tlv(PAYLOAD, ipv6(17, udp(1, 2, new byte[1], IP6_A, IP6_B), 0x60000000L,
            IP6_A, IP6_B)))));                                                          // IPv6 where IPv4 is said
        f.add(new Frame(nflog(AF_INET, 1, tlv(PAYLOAD, concat(ipv4(17, udp(7, 9, new byte[2], IP_A, IP_B)),
            zeros(6))))));                                                              // bytes after the IP packet
        f.add(new Frame(nflog(AF_INET, 1, concat(u16(8), u16(PAYLOAD), zeros(4)))));      // big-endian TLV header
        return f;
    }

    @Override
    int linkType() {
        return LinkType.NFLOG;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("NFLOG", 20_250_804L, 24, 3, 80, MutatedFrames.ALL))
            .whole("", "-e", "-v", "-e -v", "-vv", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X", "-A");
    }
}
