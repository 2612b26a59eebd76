package dev.fabricscope.print;

import static dev.fabricscope.print.LldpFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLDP (ethertype 0x88cc) against tcpdump 4.99 itself: hand-built LLDPDUs ({@link LldpFrames}) with every TLV and
 * subtype tcpdump decodes, some with lengths broken on purpose, in every verbosity, with -e, and cut after every byte.
 */
class LldpFormatterTest {
    @TempDir
    Path dir;

    /** A switch port's usual LLDPDU, as from a data-centre switch. */
    static Frame typical() {
        return lldp(mandatory(),
            tlv(4, ascii("to server42 eth0")),
            tlv(5, ascii("leaf-1.rack7")),
            tlv(6, ascii("Arista Networks EOS version 4.30.1F running on an Arista DCS-7050SX3-48YC8")),
            tlv(7, "0014 0014"),
            tlv(8, concat(hex("05 01 0a000001"), hex("02 00000003"), hex("0c 2b0601040182370a030101"))),
            org(IEEE_8021, 1, "0064"),
            org(IEEE_8021, 3, concat(hex("0064 07"), ascii("servers"))),
            org(IEEE_8023, 1, "03 6c01 001e"),
            org(IEEE_8023, 4, "2328"),
            end());
    }

    /** The basic TLVs (802.1AB clause 8.5) in all their subtypes, and the ways their lengths can be wrong. */
    static List<Frame> basicFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(typical());
        // chassis ID in every subtype, text ones with a NUL, a control character and a high byte
        String[] texts = {"chassis-7", "alias\u0001x", "slot 2", "", "", "eth0\u0000hidden", "local\u00e9"};
        for (int subtype = 1; subtype <= 7; subtype++) {
            if (subtype == 4 || subtype == 5) continue;
            byte[] text = texts[subtype - 1].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            f.add(lldp(tlv(1, concat(new byte[] {(byte) subtype}, text)), tlv(2, concat(new byte[] {(byte) subtype},
                text)), tlv(3, "0000"), end()));
        }
        // network addresses: IPv4, IPv6, 802, families tcpdump names but does not print, unknown ones
        for (String address : new String[] {"01 c0000201", "02 20010db8000000000000000000000001", "06 0c42a1d3e4f5",
            "03 4900018200", "00", "19 00", "c4 01", "63 0102", "0f"}) {
            f.add(lldp(tlv(1, concat(hex("05"), hex(address))), tlv(2, concat(hex("04"), hex(address))),
                tlv(3, "0078"), end()));
        }
        f.add(lldp(tlv(1, "05 01 c00002"), tlv(3, "0078"), end()));           // IPv4 cut short
        f.add(lldp(tlv(2, "04 02 20010db8"), tlv(3, "0078"), end()));         // IPv6 cut short
        f.add(lldp(tlv(1, "05 06 0c42a1"), end()));                           // 802 cut short
        f.add(lldp(tlv(1, "05"), end()));                                     // no family
        f.add(lldp(tlv(2, "03 0c42a1d3e4"), end()));                          // port MAC too short
        f.add(lldp(tlv(1, "04 0c42a1d3e4"), end()));                          // chassis MAC too short
        f.add(lldp(tlv(1, "00 0102"), tlv(2, "08 0304"), tlv(2, "ff"), end())); // unknown subtypes, too short
        f.add(lldp(tlv(3, "01"), end()));                                     // TTL too short
        f.add(lldp(tlv(7, "0014 00"), end()));                                // capabilities too short
        f.add(lldp(tlv(7, "00ff 0100"), tlv(7, "ffff 0000"), end()));         // all capability bits, none named
        f.add(lldp(tlv(4, ""), tlv(6, ""), tlv(5, "")));                      // empty strings end the PDU
        f.add(lldp(tlv(5, ascii("first")), tlv(5, ascii("second")), end()));  // two system names
        // management addresses: interface numbering subtypes, OIDs present, empty, too long, and cut fields
        f.add(lldp(tlv(8, "11 02 20010db8000000000000000000000001 03 00000001"), end()));
        f.add(lldp(tlv(8, "07 06 0c42a1d3e4f5 01 ffffffff 00"), end()));
        f.add(lldp(tlv(8, "05 01 0a000001 02 00000003 05 2b06010203"), end()));
        f.add(lldp(tlv(8, "05 01 0a000001 02 00000003 09 2b06"), end()));  // OID longer than the TLV
        f.add(lldp(tlv(8, "05 01 0a000001 02 000000"), end()));            // interface number cut
        f.add(lldp(tlv(8, "05 01 0a000001"), end()));                      // no interface numbering
        f.add(lldp(tlv(8, "09 01 0a000001 02 00"), end()));                // address longer than the TLV
        f.add(lldp(tlv(8, "03 01 0a00 02 00000003"), end()));              // IPv4 address too short
        f.add(lldp(tlv(8, "02 07 00 02 00000003"), end()));                // a family without printer
        f.add(lldp(tlv(8, "")));
        f.add(lldp(tlv(8, 1, hex("")), end()));
        // unknown and reserved types, organisation TLVs of unknown OUIs or too short
        f.add(lldp(mandatory(), tlv(9, "0102030405"), tlv(126, "aa"), org("00000c", 1, "0102"), tlv(127, "0080"),
            end()));
        f.add(lldp(mandatory(), tlv(127, "00"), end()));
        // the PDU's length field and the TLVs disagree
        f.add(lldp(mandatory(), tlv(5, 40, ascii("short")), end()));          // TLV past the frame
        f.add(lldp(mandatory(), tlv(4, 200, ascii("desc"))));                 // past the captured padding
        f.add(lldp(mandatory(), tlv(0, 4, hex("01020304")), tlv(5, ascii("after end"))));  // End with a length
        f.add(lldp(mandatory(), tlv(6, 0, hex("")), tlv(5, ascii("after zero"))));         // zero length ends too
        f.add(new Frame(concat(NEAREST_BRIDGE, SWITCH, u16(ETHERTYPE), mandatory(), hex("0a"))));  // odd byte left
        f.add(new Frame(concat(NEAREST_BRIDGE, SWITCH, u16(ETHERTYPE), hex("0a"))));
        f.add(new Frame(concat(NEAREST_BRIDGE, SWITCH, u16(ETHERTYPE))));
        f.add(new Frame(concat(NEAREST_BRIDGE, SWITCH, hex("8100 2007"), u16(ETHERTYPE), mandatory(),
            tlv(5, ascii("tagged")), end(), zeros(8))));
        return f;
    }

    @Test
    void basicTlvsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, basicFrames(), "", "-q", "-v", "-vv");
    }

    @Test
    void withLinkHeadersAsTcpdump() throws Exception {
        List<Frame> f = basicFrames();
        for (Verbosity v : new Verbosity[] {Verbosity.QUIET, Verbosity.NORMAL, Verbosity.VERBOSE}) {
            String flag = switch (v) {
                case QUIET -> "-q";
                case VERBOSE -> "-v";
                default -> "-S";
            };
            TcpdumpOracle.assertPrintsAsTcpdump(dir, f, v, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
                RawDump.NONE, "-e", flag);
        }
    }

    @Test
    void cutBasicTlvsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(basicFrames(), 12);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, RawDump.HEX, "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERBOSE, RawDump.NONE, "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, RawDump.HEX, "-vv", "-x");
    }
}
