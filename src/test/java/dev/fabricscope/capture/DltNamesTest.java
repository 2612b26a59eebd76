package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.testing.Oracles;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The link-type names against the installed libpcap's own answers, and the LINKTYPE/DLT mapping both ways. */
class DltNamesTest {
    @Test
    void namesAndDescriptionsAreLibpcaps() {
        Oracles.requireLibpcap();
        Libpcap libpcap = Libpcap.load();
        int named = 0;
        for (int dlt = -1; dlt <= 70_000; dlt++) {
            assertEquals(libpcap.datalinkName(dlt), DltNames.name(dlt), "name of DLT " + dlt);
            assertEquals(libpcap.datalinkDescription(dlt), DltNames.description(dlt), "description of DLT " + dlt);
            String name = DltNames.name(dlt);
            if (name == null) continue;
            named++;
            assertEquals(libpcap.datalinkByName(name), DltNames.named(name), name);
            assertEquals(libpcap.datalinkByName(name.toLowerCase(Locale.ROOT)), DltNames.named(name.toLowerCase(Locale.ROOT)));
            assertEquals(name + " (" + DltNames.description(dlt) + ")", DltNames.tcpdumpText(dlt));
        }
        assertEquals(152, named, "libpcap 1.10's dlt_choices");
        assertEquals(-1, DltNames.named("NO_SUCH_TYPE"));
        assertEquals(libpcap.datalinkByName("NO_SUCH_TYPE"), DltNames.named("NO_SUCH_TYPE"));
        assertEquals("300", DltNames.tcpdumpText(300));
    }

    /** pcap-common.c's map: five LINKTYPEs have another DLT on Linux; every other number is the same on both sides. */
    @Test
    void linkTypesMapToDltsAndBack() {
        int[][] differing = {{100, 11}, {101, 12}, {102, 15}, {103, 16}, {106, 19}};
        for (int[] pair : differing) {
            assertEquals(pair[1], DltNames.fromLinkType(pair[0]));
            assertEquals(pair[0], DltNames.toLinkType(pair[1]));
        }
        for (int n : new int[] {0, 1, 9, 50, 51, 99, 104, 105, 147, 195, 258, 289, 300}) {
            assertEquals(n, DltNames.fromLinkType(n));
            assertEquals(n, DltNames.toLinkType(n));
        }
        assertEquals("RAW", LinkType.name(LinkType.RAW));
        assertEquals("ATM_CLIP", LinkType.name(106));
        assertEquals("LINKTYPE_147", LinkType.name(147));
        assertEquals("unknown", LinkType.description(147));
    }

    /** Every libpcap name parses, with or without a prefix, to the LINKTYPE whose name it is; numbers pass through. */
    @Test
    void namesParseToTheirLinkType() {
        for (int dlt = 0; dlt < 300; dlt++) {
            String name = DltNames.name(dlt);
            if (name == null) continue;
            int linkType = LinkType.parse(name);
            assertEquals(name, LinkType.name(linkType));
            assertEquals(linkType, LinkType.parse("dlt_" + name.toLowerCase(Locale.ROOT)));
            assertEquals(linkType, LinkType.parse("LINKTYPE_" + name));
        }
        assertEquals(LinkType.EN10MB, LinkType.parse("ethernet"));
        assertEquals(LinkType.PPP_ETHER, LinkType.parse("PPPOE"));
        assertEquals(LinkType.PPP_SERIAL, LinkType.parse("PPP_HDLC"));
        assertEquals(LinkType.C_HDLC, LinkType.parse("chdlc"));
        assertEquals(LinkType.RAW, LinkType.parse("raw"));
        assertEquals(147, LinkType.parse("147"));
    }
}
