package dev.fabricscope.rdma;

import static dev.fabricscope.testing.ByteArrays.ascii;
import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static dev.fabricscope.testing.ByteArrays.zeros;
import static dev.fabricscope.testing.InfinibandFrames.deth;
import static dev.fabricscope.testing.InfinibandFrames.ipOverIb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.json.JsonLine;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code rdma decode}'s IP over IB line and JSON fields, on native IB packets built here (the shared ERF
 * capture's IPoIB packets are compared with tshark in {@link RdmaDecodeTsharkTest}).
 */
class RdmaIpOverIbTest {
    /** IPv4 UDP 10.0.0.36:49501 -> 10.0.0.255:49504 (checksum 0: not checked here). */
    private static final byte[] UDP = concat(hex("4500 0024 0000 4000 4011 0000 0a000024 0a0000ff"),
        hex("c15d c160 0010 0000"), ascii("ipoib..."));
    /** IPv6 ICMPv6 echo request fe80::1 -> fe80::2. */
    private static final byte[] ICMP6 = concat(hex("6000 0000 0008 3a40"), hex("fe80 0000 0000 0000 0000 0000 0000 0001"),
        hex("fe80 0000 0000 0000 0000 0000 0000 0002"), hex("8000 0000 0001 0001"));

    private static DecodedFrame.Transport decode(byte[] ib) {
        Packet p = new Packet().set(ib, 0, ib.length, ib.length, 1_000_000_000L, 0, LinkType.INFINIBAND, 7);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        return assertInstanceOf(DecodedFrame.Transport.class, new RdmaDecoder().decode(p, l));
    }

    private static String text(DecodedFrame f) {
        StringBuilder out = new StringBuilder();
        new RdmaText(ZoneOffset.UTC).append(out, f, false);
        return out.toString();
    }

    private static String json(DecodedFrame f) {
        StringBuilder out = new StringBuilder();
        JsonLine j = new JsonLine(out);
        RdmaJson.fields(j, f);
        j.endObject();
        return out.toString();
    }

    @Test
    void datagramModeUdp() {
        DecodedFrame.Transport t = decode(ipOverIb(0x64, 0xffffff, deth(0x48), 0x0800, 0, UDP));
        assertTrue(text(t).endsWith("\n    IPoIB IP 10.0.0.36.49501 > 10.0.0.255.49504: UDP\n"), text(t));
        assertTrue(json(t).contains("\"ipoib_ether_type\":2048,\"ipoib_ip_version\":4,\"ipoib_src\":\"10.0.0.36\","
            + "\"ipoib_dst\":\"10.0.0.255\",\"ipoib_protocol\":17,\"ipoib_src_port\":49501,\"ipoib_dst_port\":49504"),
            json(t));
    }

    @Test
    void connectedModeIcmpv6() {
        DecodedFrame.Transport t = decode(ipOverIb(0x04, 0x870408, new byte[0], 0x86dd, 0, ICMP6));
        assertTrue(text(t).endsWith("\n    IPoIB IP6 fe80::1 > fe80::2: ICMPv6\n"), text(t));
        assertTrue(json(t).contains("\"ipoib_ip_version\":6,\"ipoib_src\":\"fe80::1\",\"ipoib_dst\":\"fe80::2\","
            + "\"ipoib_protocol\":58}"), json(t));
    }

    @Test
    void arp() {
        byte[] arp = concat(hex("0020 0800 14 04 0001"), zeros(48));
        DecodedFrame.Transport t = decode(ipOverIb(0x64, 0xffffff, deth(0x48), 0x0806, 0, arp));
        assertTrue(text(t).endsWith("\n    IPoIB ARP\n"), text(t));
        assertTrue(json(t).contains("\"ipoib_ether_type\":2054}"), json(t));
    }

    @Test
    void cutIpHeader() {
        byte[] ib = ipOverIb(0x64, 0xffffff, deth(0x48), 0x0800, 0, UDP);
        byte[] cut = java.util.Arrays.copyOf(ib, 8 + 12 + 8 + 4 + 10);   // 10 bytes of the IPv4 header
        Packet p = new Packet().set(cut, 0, cut.length, ib.length, 1_000_000_000L, 0, LinkType.INFINIBAND, 7);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        DecodedFrame.Transport t = assertInstanceOf(DecodedFrame.Transport.class, new RdmaDecoder().decode(p, l));
        assertTrue(text(t).endsWith("\n    IPoIB IP [|ip]\n"), text(t));
        assertTrue(json(t).contains("\"ipoib_ether_type\":2048") && !json(t).contains("ipoib_src"), json(t));
    }

    @Test
    void notOnOtherPayloads() {
        // an RDMA WRITE whose data begins like an IPoIB header: no IPoIB line
        DecodedFrame.Transport t = decode(ipOverIb(0x0a, 0x40, zeros(16), 0x0800, 0, UDP));
        assertNull(t.ipOverIb());
        assertTrue(!text(t).contains("IPoIB") && !json(t).contains("ipoib"), text(t));
    }
}
