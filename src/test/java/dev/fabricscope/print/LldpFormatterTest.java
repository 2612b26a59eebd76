package dev.fabricscope.print;

import static dev.fabricscope.print.LldpFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
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

    /** IEEE 802.1 (annex E, 802.1Qaz DCB, 802.1Qbg EVB and CDCP) and IEEE 802.3 (annex F) TLVs, well formed and not. */
    static List<Frame> ieeeFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(lldp(mandatory(),
            org(IEEE_8021, 1, "0fa0"),
            org(IEEE_8021, 2, "06 0064"), org(IEEE_8021, 2, "00 0001"), org(IEEE_8021, 2, "f9 ffff"),
            org(IEEE_8021, 3, concat(hex("0fff 0a"), ascii("storage\u0000xy"))),
            org(IEEE_8021, 4, concat(hex("04"), ascii("\u0002STP"))),
            org(IEEE_8021, 7, "03 00000102"), org(IEEE_8021, 7, "fc ffffffff"),
            end()));
        f.add(lldp(mandatory(),   // DCB as a RoCE fabric sets it: ETS, PFC on priority 3, RoCEv2 to priority 3
            org(IEEE_8021, 9, "83 00000303 0000000000006400 0000000000000202"),
            org(IEEE_8021, 9, "ff fedcba98 ff00ff00ff00ff00 0102030405060708"),
            org(IEEE_8021, 10, "00 00112233 0a141e28323c4650 0002000200000000"),
            org(IEEE_8021, 11, "c8 08"), org(IEEE_8021, 11, "3f ff"),
            org(IEEE_8021, 12, "00 6312b7 601a7c 20 8906"),
            org(IEEE_8021, 8, "08 88"),
            end()));
        f.add(lldp(mandatory(),
            org(IEEE_8021, 13, "ff aa 5f ff e1"), org(IEEE_8021, 13, "00 00 00 40 00"),
            org(IEEE_8021, 13, "00 00 00 80 00"), org(IEEE_8021, 13, "07 0f 20 c5 3f"),
            org(IEEE_8021, 14, "f8 00 0fff 001002 fff0ff"), org(IEEE_8021, 14, "00 00 0001 0010"),
            org(IEEE_8021, 14, "80 00 0001"),
            end()));
        f.add(lldp(mandatory(),   // too short for their subtypes, unknown subtypes
            org(IEEE_8021, 1, "00"), org(IEEE_8021, 2, "0600"), org(IEEE_8021, 3, "00"), org(IEEE_8021, 3, "0064"),
            org(IEEE_8021, 3, "0064 05 6162"), org(IEEE_8021, 4, ""), org(IEEE_8021, 4, "03 6162"),
            org(IEEE_8021, 7, "03 000001"), org(IEEE_8021, 8, "00"), org(IEEE_8021, 9, "00 0000"),
            org(IEEE_8021, 10, "00"), org(IEEE_8021, 11, "00"), org(IEEE_8021, 12, ""), org(IEEE_8021, 12, "00"),
            org(IEEE_8021, 12, "00 6312"), org(IEEE_8021, 13, "00000000"), org(IEEE_8021, 14, "000000"),
            org(IEEE_8021, 5, "0102"), org(IEEE_8021, 0, ""), org(IEEE_8021, 15, "01"), tlv(127, hex(IEEE_8021)),
            end()));
        f.add(lldp(mandatory(),
            org(IEEE_8023, 1, "03 6c01 001e"), org(IEEE_8023, 1, "00 0000 0000"), org(IEEE_8023, 1, "02 ffff 0028"),
            org(IEEE_8023, 1, "01 8000 0029"), org(IEEE_8023, 1, "fc 0001 ffff"),
            org(IEEE_8023, 2, "0f 01 05"), org(IEEE_8023, 2, "00 02 01"), org(IEEE_8023, 2, "f0 03 06"),
            org(IEEE_8023, 3, "01 00000005"), org(IEEE_8023, 4, "2328"), org(IEEE_8023, 4, "05ee"),
            end()));
        f.add(lldp(mandatory(),
            org(IEEE_8023, 1, "03 6c01 00"), org(IEEE_8023, 2, "0f 01"), org(IEEE_8023, 3, "01 000000"),
            org(IEEE_8023, 4, "23"), org(IEEE_8023, 5, "0102"), org(IEEE_8023, 7, "00"), org(IEEE_8023, 0, ""),
            tlv(127, hex(IEEE_8023)),
            end()));
        return f;
    }

    /** The pre-standard DCBX (1.01, Intel's OUI 00-1b-21): its own TLVs inside the LLDP TLV. */
    static List<Frame> dcbxFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(lldp(mandatory(),
            org(DCBX, 2, concat(tlv(1, "00 00 00000005 00000004"),
                tlv(2, "00 00 e0 00 01234567 0c0c0c0c0c0c0c1c 08"),
                tlv(3, "00 00 a0 00 08 08"),
                tlv(4, "00 00 40 00 8906 000000 08 0cbc 40001b 10"),
                tlv(9, "0102"))),
            org(DCBX, 1, "0102030405"),
            org(DCBX, 3, tlv(1, "00000000000100000001")),
            end()));
        f.add(lldp(mandatory(),
            org(DCBX, 2, concat(tlv(1, "01 02 00000001 00000002"), tlv(3, "00 00 80 00 ff 04"), tlv(0, ""),
                tlv(4, "00000000"))),
            org(DCBX, 2, concat(tlv(4, "00 00 00 00 8906 000000"), tlv(2, "0000"))),   // partial app, PG too short
            org(DCBX, 2, concat(tlv(3, "00 00 00 00 08"))),                            // PFC too short
            org(DCBX, 2, concat(tlv(1, "00 00 00000000 000000"))),                     // control too short
            org(DCBX, 2, concat(tlv(4, "000000"))),                                    // application too short
            org(DCBX, 2, concat(tlv(7, "01"), tlv(3, 20, hex("0000")))),               // unknown, then too long
            org(DCBX, 2, concat(tlv(3, "00 00 00 00 01 01"), tlv(8, "0102"))),        // last one unknown: dumped
            org(DCBX, 2, concat(tlv(3, "00 00 00 00 01 01"), hex("05"))),             // a byte left over
            org(DCBX, 2, ""), org(DCBX, 0, "01"), tlv(127, hex(DCBX)),
            end()));
        return f;
    }

    /** TIA-1057 LLDP-MED as IP phones and their switches send it, the IANA MUD-URL, and broken ones of both. */
    static List<Frame> medFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(lldp(mandatory(),
            org(TIA, 1, "003f 04"), org(TIA, 1, "0000 01"), org(TIA, 1, "ffc0 07"),
            org(TIA, 2, "01 40 c8 2e"), org(TIA, 2, "02 e1 ff ff"), org(TIA, 2, "09 00 00 00"),
            org(TIA, 3, "01 a1e6d4b2c3 4f123456ff 13ffffffff 01"), org(TIA, 3, "01 0000000000 0000000000 2000000000 07"),
            civic(2, "DE", concat(hex("01 06"), ascii("Bayern"), hex("03 07"), ascii("Munchen")), 0),
            civic(2, "DE", concat(hex("01 06"), ascii("Bayern"), hex("03 07"), ascii("Munchen")), -1),   // 1 short
            civic(5, "U\u0001", concat(hex("06 04"), ascii("Main"), hex("13 02"), ascii("7a")), 0),
            civic(0, "US", hex(""), 0),
            org(TIA, 3, concat(hex("03"), ascii("5551234567"))), org(TIA, 3, "07 0102030405060708090a0b0c0d0e0f1011"),
            org(TIA, 4, "51 01f4"), org(TIA, 4, "9f 03ff"), org(TIA, 4, "e0 0400"), org(TIA, 4, "22 ffff"),
            end()));
        f.add(lldp(mandatory(),
            org(TIA, 5, ascii("rev 2")), org(TIA, 6, ascii("fw 1.0")), org(TIA, 7, ascii("sw 3\u0000x")),
            org(TIA, 8, ascii("SN123")), org(TIA, 9, ascii("Acme")), org(TIA, 10, ascii("Phone 9")),
            org(TIA, 11, ascii("asset")), org(TIA, 5, ""), org(TIA, 12, "01"), org(TIA, 0, ""),
            org(IANA, 1, ascii("https://example.com/mud\u0000.json")), org(IANA, 2, "01020304"),
            org(IANA, 1, "010203"), tlv(127, hex(IANA + "01")),
            end()));
        f.add(lldp(mandatory(),   // too short, and civic addresses that do not add up
            org(TIA, 1, "0000"), org(TIA, 2, "010000"), org(TIA, 3, ""), org(TIA, 3, concat(hex("01"), zeros(15))),
            org(TIA, 3, "02"), org(TIA, 3, "02 02 00 0000"), org(TIA, 3, "02 05 00 4445"),
            civic(1, "DE", hex("01"), 0),             // one byte where an element's type and length should be
            civic(1, "DE", hex("00 02 6162"), 0),     // element type 0
            civic(1, "DE", hex("01 00 6162"), 0),     // element length 0
            civic(1, "DE", hex("06 05 6162"), 0),     // element longer than the LCI
            org(TIA, 3, concat(hex("02 03 00"), ascii("DE"))), org(TIA, 3, "03"), org(TIA, 3, "00"),
            org(TIA, 4, "5101"), tlv(127, hex(TIA)),
            end()));
        return f;
    }

    /**
     * A civic address location TLV: format, LCI length, "what", country code, elements; tcpdump wants one byte more
     * than the LCI takes, so one follows. {@code lciAdjust} makes the LCI length field lie.
     */
    static byte[] civic(int what, String country, byte[] elements, int lciAdjust) {
        return org(TIA, 3, concat(hex("02"), new byte[] {(byte) (3 + elements.length + lciAdjust), (byte) what},
            country.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), elements, hex("ee")));
    }

    static List<Frame> organisationFrames() {
        List<Frame> f = new ArrayList<>(ieeeFrames());
        f.addAll(dcbxFrames());
        f.addAll(medFrames());
        return f;
    }

    @Test
    void basicTlvsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, basicFrames(), "", "-q", "-v", "-vv");
    }

    @Test
    void organisationTlvsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, organisationFrames(), "", "-v", "-vv");
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
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv -x");
    }

    @Test
    void cutOrganisationTlvsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(organisationFrames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -x", "-vv");
    }

    /**
     * Every frame above with a few bytes of its LLDPDU changed at random (a fixed seed), half of them also cut
     * short: TLV lengths and subtypes that no hand-built frame has, against tcpdump too.
     */
    @Test
    void mutatedFramesAsTcpdump() throws Exception {
        List<Frame> bases = new ArrayList<>(basicFrames());
        bases.addAll(organisationFrames());
        List<Frame> mutants = MutatedFrames.of(bases, new Random(0x88cc), 40, MutatedFrames::afterEthernet, 4, 0,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv", "");
    }

    /** Printing LLDP, every TLV kind decoded at -vv, allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        List<Frame> frames = new ArrayList<>(basicFrames());
        frames.addAll(organisationFrames());
        PrinterAllocation.assertNoAllocationPerPacket(frames, new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), TimestampStyle.TIME, RawDump.HEX), 2_000, "LLDP");
    }
}
