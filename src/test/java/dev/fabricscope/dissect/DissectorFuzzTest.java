package dev.fabricscope.dissect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.print.PacketPrinter;
import dev.fabricscope.print.PacketType;
import dev.fabricscope.print.RawDump;
import dev.fabricscope.print.TimestampStyle;
import dev.fabricscope.print.Verbosity;
import java.time.ZoneOffset;
import java.util.EnumSet;

/**
 * Fuzzes the dissector with arbitrary frames of every link type it knows: it must never throw, and every
 * offset it records must lie inside the captured bytes. The tcpdump-style printer then prints each frame from
 * what the dissector recorded, with every option (relative TCP sequence numbers, remembered across inputs) and
 * with the defaults, and must not throw either; nor must {@code strip} (every encapsulation) and the analyzers'
 * {@code --decap}, whose output is never longer than the input and is dissected in bounds too. Longer run:
 * {@code ./build test-compile surefire:test@fuzz-dissector -Dfuzz.duration=30m}.
 */
class DissectorFuzzTest {
    private static final int[] LINK_TYPES = {LinkType.EN10MB, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
        LinkType.RAW_12, LinkType.RAW_14, LinkType.NULL, LinkType.LOOP, LinkType.IPV4, LinkType.IPV6, LinkType.ERF,
        LinkType.INFINIBAND, LinkType.DSA_TAG_DSA, LinkType.DSA_TAG_EDSA, LinkType.DSA_TAG_BRCM,
        LinkType.DSA_TAG_BRCM_PREPEND, LinkType.PPP, LinkType.PPP_SERIAL, LinkType.C_HDLC, LinkType.IPOIB,
        LinkType.NFLOG, LinkType.IPNET, LinkType.VSOCK,
        LinkType.JUNIPER_ETHER, LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_ES, LinkType.JUNIPER_GGSN,
        LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_MONITOR, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC,
        LinkType.JUNIPER_MLPPP, LinkType.JUNIPER_MLFR, LinkType.FRELAY, LinkType.MFR,
        LinkType.IEEE802_11, LinkType.IEEE802_11_RADIO, LinkType.PRISM_HEADER, LinkType.IEEE802_11_RADIO_AVS,
        LinkType.JUNIPER_FRELAY, LinkType.JUNIPER_MFR, LinkType.ATM_RFC1483, LinkType.SUNATM, LinkType.JUNIPER_ATM1,
        LinkType.JUNIPER_ATM2,
        LinkType.PFLOG, LinkType.PKTAP, LinkType.ENC, LinkType.PPI, LinkType.LTALK,
        LinkType.NETANALYZER, LinkType.NETANALYZER_TRANSPARENT,
        LinkType.PPP_ETHER, LinkType.SYMANTEC_FIREWALL, LinkType.APPLE_IP_OVER_IEEE1394,
        LinkType.IP_OVER_FC, LinkType.FDDI, LinkType.IEEE802, LinkType.SLIP, LinkType.SLIP_BSDOS,
        LinkType.PPP_BSDOS, LinkType.ARCNET, LinkType.ARCNET_LINUX,
        LinkType.IEEE802_15_4_WITHFCS, LinkType.IEEE802_15_4_NOFCS, LinkType.IEEE802_15_4_TAP, LinkType.ATM_CLIP,
        LinkType.USB_LINUX, LinkType.USB_LINUX_MMAPPED, LinkType.BLUETOOTH_HCI_H4_WITH_PHDR};
    // new ones at the end: a seed's last byte picks its type modulo the count, so seeds end in a byte below the count

    private static final String[] OFFSET_NAMES = {"ethOffset", "etherTypeOffset", "networkOffset",
        "transportOffset", "ibLrhOffset", "ibGrhOffset", "ibBthOffset", "slowProtocolsOffset", "greOffset",
        "pppoeOffset", "mplsOffset"};

    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    /**
     * -vvvv (OpenFlow 1.0's carried frames printed at -v by a second printer), every option, -M's secret (TCP-MD5
     * signatures verified) and -E's (ESP decrypted: an SA and a default one; IKEv2).
     */
    private final PacketPrinter everything = new PacketPrinter(ZoneOffset.UTC, Verbosity.EXTRA_VERBOSE,
        EnumSet.allOf(PacketPrinter.Option.class), TimestampStyle.SINCE_PREVIOUS, RawDump.HEX_ASCII, null,
        "fuzz".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "0x2000@10.0.0.2 3des-cbc-hmac96:0x0123456789abcdef23456789abcdef01456789abcdef0123,"
            + "aes128-hmac96:0x00112233445566778899aabbccddeeff\n"
            + "ikev2 I 0x0001020304050607 0xc02e7a3031a03188 sha1:0x00 aes128:0x00112233445566778899aabbccddeeff",
        w -> { });
    private final PacketPrinter plain = new PacketPrinter(ZoneOffset.UTC, Verbosity.NORMAL);
    /** -T: one printer per type, picked by the frame's length (so the seeds' bytes keep their meaning). */
    private final PacketPrinter[] typed = java.util.Arrays.stream(PacketType.values())
        .map(t -> new PacketPrinter(ZoneOffset.UTC, Verbosity.VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class),
            TimestampStyle.TIME, RawDump.HEX, t)).toArray(PacketPrinter[]::new);
    private final StringBuilder line = new StringBuilder();
    private final EncapsulationStripper stripper = new EncapsulationStripper(EnumSet.allOf(Encapsulation.class));
    private final Decapsulator decapsulator = new Decapsulator();

    @FuzzTest(maxDuration = "20s")
    void dissectorNeverThrowsAndStaysInBounds(FuzzedDataProvider data) {
        int linkType = LINK_TYPES[data.consumeInt(0, LINK_TYPES.length - 1)];
        int origExtra = data.consumeInt(0, 3000);
        byte[] frame = data.consumeRemainingAsBytes();
        packet.set(frame, 0, frame.length, frame.length + origExtra, 0, 0, linkType, 1);
        Dissector.dissect(packet, layers);
        assertInBounds(frame.length, linkType);
        line.setLength(0);
        everything.format(packet, layers, line);
        line.setLength(0);
        plain.format(packet, layers, line);
        line.setLength(0);
        typed[frame.length % typed.length].format(packet, layers, line);

        Packet stripped = stripper.strip(packet);
        assertTrue(stripped.capLen() <= frame.length, "strip made " + frame.length + " bytes " + stripped.capLen());
        Packet inner = decapsulator.inner(packet, layers);
        assertTrue(inner.capLen() <= frame.length, "decap made " + frame.length + " bytes " + inner.capLen());
        assertInBounds(inner.capLen(), linkType);
    }

    private void assertInBounds(int cap, int linkType) {
        int[] offsets = {layers.ethOffset, layers.etherTypeOffset, layers.networkOffset, layers.transportOffset,
            layers.ibLrhOffset, layers.ibGrhOffset, layers.ibBthOffset, layers.slowProtocolsOffset, layers.greOffset,
            layers.pppoeOffset, layers.mplsOffset};
        for (int i = 0; i < offsets.length; i++) {
            assertTrue(offsets[i] < cap, OFFSET_NAMES[i] + " " + offsets[i] + " beyond caplen " + cap + " (link type "
                + linkType + ", malformed " + layers.malformed + ")");
        }
        if (layers.payloadOffset >= 0) {
            assertTrue(layers.payloadOffset + layers.payloadLength <= cap, "payload beyond caplen");
        }
    }
}
