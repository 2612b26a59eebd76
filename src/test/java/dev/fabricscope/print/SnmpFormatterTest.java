package dev.fabricscope.print;

import static dev.fabricscope.print.SnmpMessages.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SNMP on UDP 161/162 ({@link SnmpMessages}: RFC 1157, 3416, 3412/3414 layouts, and BER broken on purpose) against
 * tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and mutated at random.
 */
class SnmpFormatterTest extends TcpdumpConformance {
    private static final byte[] SYS_DESCR = oid(1, 3, 6, 1, 2, 1, 1, 1, 0);
    private static final byte[] SYS_UPTIME = oid(1, 3, 6, 1, 2, 1, 1, 3, 0);
    private static final byte[] IF_IN_OCTETS = oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 10, 3);

    private static Frame toAgent(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(40001, 161, message, IP_A, IP_B))));
    }

    private static Frame fromAgent(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(161, 40001, message, IP_B, IP_A), 0, 64, 1, 0x4000,
            new byte[0], -1, IP_B, IP_A)));
    }

    private static Frame toManager(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(50000, 162, message, IP_A, IP_B))));
    }

    /** Well-formed messages: every PDU kind, every value type, each version. */
    static List<Frame> messages() {
        List<Frame> f = new ArrayList<>();
        f.add(toAgent(community(0, "public", pdu(GET, 1, 0, 0, bind(SYS_DESCR, nul()), bind(SYS_UPTIME, nul())))));
        f.add(toAgent(community(1, "n0c-ro", pdu(GET_NEXT, 0x7fffffff, 0, 0, bind(IF_IN_OCTETS, nul())))));
        f.add(toAgent(community(1, "public", pdu(GET_BULK, -5, 0, 25, bind(oid(1, 3, 6, 1, 2, 1, 31, 1, 1), nul()),
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2), nul())))));
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 1, 0, 0,
            bind(SYS_DESCR, string("Cisco IOS Software, C2960")),
            bind(SYS_UPTIME, unsigned(0x43, 123456789L)),
            bind(oid(1, 3, 6, 1, 2, 1, 1, 2, 0), oid(1, 3, 6, 1, 4, 1, 9, 1, 1208)),
            bind(oid(1, 3, 6, 1, 2, 1, 1, 7, 0), integer(72)),
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1), integer(-2)),
            bind(IF_IN_OCTETS, unsigned(0x41, 0xfffffffeL)),
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 5, 3), unsigned(0x42, 1_000_000_000L)),
            bind(oid(1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6, 3), unsigned(0x46, new BigInteger("18446744073709551615"))),
            bind(oid(1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 10, 3), unsigned(0x46, 0)),
            bind(oid(1, 3, 6, 1, 2, 1, 4, 20, 1, 1, 10, 0, 0, 2), ipAddress(10, 0, 0, 2)),
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 6, 3), octets("0011 2233 4455")),
            bind(oid(1, 3, 6, 1, 2, 1, 1, 4, 0), string("")),
            bind(oid(1, 3, 6, 1, 2, 1, 1, 5, 0), string("sw1 \"core\"")),
            bind(oid(1, 3, 6, 1, 4, 1, 9, 9, 1), tlv(0x44, hex("9f780441 20000000"))),   // Opaque (a float)
            bind(oid(1, 3, 6, 1, 2, 1, 1, 9, 1, 2, 1), tlv(0x80)),                     // noSuchObject
            bind(oid(1, 3, 6, 1, 2, 1, 1, 9, 1, 2, 2), tlv(0x81)),                     // noSuchInstance
            bind(oid(1, 3, 6, 1, 2, 1, 1, 9, 1, 2, 3), tlv(0x82)),                     // endOfMibView
            bind(oid(1, 3, 6, 1, 2, 1, 1, 6, 0), nul())))));
        f.add(fromAgent(community(0, "private", pdu(RESPONSE, 2, 2, 1, bind(SYS_DESCR, nul())))));   // noSuchName@1
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 3, 18, 2, bind(SYS_DESCR, nul())))));   // inconsistentName
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 4, 19, 1, bind(SYS_DESCR, nul())))));   // err=19
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 5, -1, 1, bind(SYS_DESCR, nul())))));   // err=%u of -1
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 6, 5, 0, bind(SYS_DESCR, nul())))));   // index 0
        f.add(fromAgent(community(1, "public", pdu(RESPONSE, 7, 0, 3, bind(SYS_DESCR, nul())))));   // index w/o status
        f.add(toAgent(community(0, "private", pdu(SET, 8, 0, 0, bind(oid(1, 3, 6, 1, 2, 1, 1, 5, 0),
            string("sw1")), bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 7, 3), integer(2))))));
        f.add(toAgent(community(1, "private", pdu(SET, 9, 3, 2, bind(SYS_DESCR, string("x"))))));   // errors in a set
        f.add(toAgent(community(1, "private", pdu(GET, 9, 0, 0, bind(SYS_DESCR, integer(1))))));   // value in a get
        f.add(toManager(community(0, "public", trap(oid(1, 3, 6, 1, 4, 1, 9, 1, 516), 2, 0, 4242,
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 1, 3), integer(3))))));                             // linkDown
        f.add(toManager(community(0, "traps", trap(oid(1, 3, 6, 1, 4, 1, 9), 6, 17, 0))));        // enterprise 17
        f.add(toManager(community(0, "public", trap(oid(1, 3, 6, 1, 4, 1, 9), 0, 4, 1))));        // specific != 0
        f.add(toManager(community(0, "public", trap(oid(1, 3, 6, 1, 4, 1, 9), 7, 0, 1))));        // gt=7
        f.add(toManager(community(0, "public", trap(oid(1, 3, 6, 1, 4, 1, 9), -3, 0, 1))));       // gt=-3
        f.add(toManager(community(1, "public", pdu(V2_TRAP, 77, 0, 0, bind(SYS_UPTIME, unsigned(0x43, 99)),
            bind(oid(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0), oid(1, 3, 6, 1, 6, 3, 1, 1, 5, 3)),
            bind(oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 1, 3), integer(3))))));
        f.add(toManager(community(1, "public", pdu(INFORM, 78, 0, 0, bind(SYS_UPTIME, unsigned(0x43, 99))))));
        f.add(toManager(community(1, "public", pdu(INFORM, 79, 1, 1, bind(SYS_UPTIME, unsigned(0x43, 99))))));
        f.add(toAgent(community(0, "public", pdu(GET_BULK, 1, 0, 10, bind(SYS_DESCR, nul())))));     // v2 PDU in v1
        f.add(toAgent(community(0, "public", pdu(REPORT, 1, 0, 0))));
        f.add(toManager(community(1, "public", trap(oid(1, 3, 6, 1, 4, 1, 9), 1, 0, 1))));          // v1 PDU in v2
        f.add(toAgent(v3(0x04, usm("", 0, 0, "", "", ""), "", "", pdu(GET, 11, 0, 0))));          // discovery
        f.add(fromAgent(v3(0x00, usm("80001f888059dc486145a26322", 3, 1234567, "", "", ""),
            "80001f888059dc486145a26322", "", pdu(REPORT, 11, 0, 0,
                bind(oid(1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0), unsigned(0x41, 1))))));
        f.add(toAgent(v3(0x05, usm("80001f888059dc486145a26322", 3, 1234568, "monitor", "0102030405060708090a0b0c",
            ""), "80001f888059dc486145a26322", "vlan-10", pdu(GET, 12, 0, 0, bind(SYS_DESCR, nul())))));
        f.add(toAgent(v3(0x07, usm("80001f888059dc486145a26322", 3, 1234569, "admin", "0102030405060708090a0b0c",
            "0000000100000002"), "", "", tlv(0x04, hex("c0ffee")))));   // encrypted: tcpdump reads a PDU anyway
        f.add(toAgent(v3(0x02, usm("", 0, 0, "", "", ""), "", "", pdu(GET, 13, 0, 0))));           // privacy w/o auth
        f.add(toAgent(sequence(integer(3), sequence(integer(1), integer(1500), octets("0400"), integer(3)))));
        f.add(toAgent(sequence(integer(3), sequence(integer(1), integer(1500), octets("04"), integer(2)),
            octets("00"))));                                                                           // model 2
        f.add(toAgent(sequence(integer(3), sequence(integer(1), integer(1500), octets("04"), integer(3), integer(9)),
            tlv(0x04, usm("", 0, 0, "u", "", "")), sequence(octets(""), string(""), pdu(GET, 1, 0, 0)))));
        f.add(toAgent(community(2, "public", pdu(GET, 1, 0, 0))));                                  // v2u
        f.add(toAgent(community(-1, "public", pdu(GET, 1, 0, 0))));
        f.add(toAgent(community(1, "a\u0001b", pdu(GET, 1, 0, 0))));                                // unprintable
        f.add(toAgent(community(1, "", pdu(GET, 1, 0, 0))));
        byte[] get = community(1, "public", pdu(GET, 1, 0, 0, bind(SYS_DESCR, nul())));
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(123, 161, get, IP_A, IP_B)))));     // SNMP before NTP
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(1812, 162, get, IP_A, IP_B)))));    // and before RADIUS
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(40001, 161, community(1, "v6", pdu(GET, 1, 0, 0,
            bind(SYS_DESCR, nul()))), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** A v2c GetResponse with one binding, for the name 1.3.6, of the value {@code hexValue} (tag, length, content). */
    private static Frame value(String hexValue) {
        return fromAgent(community(1, "c", tlv(RESPONSE, integer(1), integer(0), integer(0),
            sequence(sequence(oid(1, 3, 6), hex(hexValue))))));
    }

    /** A v2c GetResponse with the PDU content {@code hexContent}. */
    private static Frame response(String hexContent) {
        return fromAgent(community(1, "c", tlv(RESPONSE, hex(hexContent))));
    }

    /** A v1 Trap-PDU with the content {@code hexContent}. */
    private static Frame trapContent(String hexContent) {
        return toManager(community(0, "c", tlv(TRAP, hex(hexContent))));
    }

    /** A v3 message with the header sequence's content {@code hexHeader} and then {@code hexRest}. */
    private static Frame v3Header(String hexHeader, String hexRest) {
        return toAgent(sequence(integer(3), tlv(0x30, hex(hexHeader)), hex(hexRest)));
    }

    /** BER that breaks the rules: lengths, tags, kinds out of place, numbers that overflow tcpdump's accumulators. */
    static List<Frame> malformed() {
        List<Frame> f = new ArrayList<>();
        f.add(toAgent(new byte[0]));
        f.add(toAgent(hex("30")));                                              // no length
        f.add(toAgent(hex("3005 020100")));                                     // length past the message
        f.add(toAgent(hex("3003 020100 00")));                                  // extra after the sequence
        f.add(toAgent(hex("0201 00")));                                         // not a sequence
        f.add(toAgent(hex("3084 00000003 020100")));                            // four length octets
        f.add(toAgent(hex("3085 0000000003 020100")));                          // five: wraps at 32 bits
        f.add(toAgent(hex("30ff 00")));                                         // 127 length octets announced
        f.add(toAgent(hex("3080")));                                            // indefinite length
        f.add(toAgent(hex("3002 0200")));                                       // empty INTEGER
        f.add(toAgent(hex("3003 040100")));                                     // version a string
        f.add(toAgent(hex("3003 020101")));                                     // nothing after the version
        f.add(toAgent(hex("3005 020101 3f00")));                                // extended tag cut
        f.add(toAgent(hex("3007 020101 3f8102 00")));                           // extended tag 130 (id?)
        f.add(toAgent(hex("3006 020101 3f01 00")));                             // extended tag 1: Boolean
        f.add(toAgent(hex("3005 020101 1f81")));                                // extension never ends
        f.add(toAgent(hex("3005 020101 5400")));                                // application 20: id?
        f.add(toAgent(hex("3005 020101 c100")));                                // private 1: id?
        f.add(toAgent(hex("3005 020101 c000")));                                // private 0 primitive
        f.add(toAgent(hex("3005 020101 e000")));                                // private 0 constructed
        f.add(toAgent(hex("3005 020101 6100")));                                // application constructed
        f.add(toAgent(hex("3005 020101 3100")));                                // universal Set constructed
        f.add(toAgent(hex("3008 020101 040100 3000")));                         // no PDU: a sequence
        f.add(toAgent(hex("300c 020101 040100 a003 020101 ff")));               // extra after PDU
        f.add(toAgent(hex("3008 020101 040100 a000")));                         // empty PDU
        f.add(response("040100"));                                              // reqId a string
        f.add(response("020101 040100"));                                       // errorStatus a string
        f.add(response("020101 020100 040100"));                                // errorIndex a string
        f.add(response("020101 020100 020100"));                                // no bindings
        f.add(response("020101 020100 020100 0400"));                           // bindings not a sequence
        f.add(response("020101 020100 020100 3000 00"));                        // extra after them
        f.add(response("020101 020100 020100 3002 0400"));                      // binding not a sequence
        f.add(response("020101 020100 020100 3004 3002 0400"));                 // name not an OID
        f.add(response("020101 020100 020100 3004 3002 0600"));                 // empty name, no value
        f.add(response("020101 020100 020100 3006 3004 0602 2b06"));            // no value
        f.add(response("020101 020100 020100 3006 3004 0602 2b86"));            // open sub-identifier
        f.add(response("020101 020100 020100 300a 3004 0602 2b06 3002 0600"));  // a second binding's empty name
        f.add(value("8300"));                                                   // context 3 primitive: no kind
        f.add(value("8800"));                                                   // context 8 primitive
        f.add(value("4002 0a00"));                                              // short IpAddress
        f.add(value("4005 0a00000102"));                                        // long IpAddress
        f.add(value("4000"));                                                   // empty IpAddress
        f.add(value("4100"));                                                   // empty Counter
        f.add(value("0206 0102030405ff"));                                      // INTEGER past 32 bits
        f.add(value("0205 ff00000001"));                                        // negative, 5 octets
        f.add(value("4105 ff00000001"));                                        // Counter past 32 bits
        f.add(value("460a 01020304050607080910"));                              // Counter64 past 64 bits
        f.add(value("0101 ff"));                                                // Boolean
        f.add(value("0300"));                                                   // BIT STRING
        f.add(value("0c03 414243"));                                            // UTF8String (U-12)
        f.add(value("4500"));                                                   // application 5
        f.add(value("6500"));                                                   // application 5 constructed
        f.add(value("3100"));                                                   // Set
        f.add(value("3000"));                                                   // a sequence as the value
        f.add(value("a000"));                                                   // a PDU as the value
        f.add(value("0400 00"));                                                // extra after the value
        f.add(value("06 04 8fffffff7f"));                                       // sub-identifier past 32 bits
        f.add(value("06 06 8080808080 01"));                                    // one with leading 0x80s
        f.add(value("06 03 a0ff7f"));                                           // first arc 2, second large
        f.add(value("06 01 ff"));                                               // first never finished
        f.add(value("06 02 7f01"));                                             // first 127: 2.47
        f.add(value("06 00"));                                                  // empty OID value
        f.add(trapContent("0400 4000 020100 020100"));                          // enterprise a string
        f.add(trapContent("06012b 0400 020100 020100"));                        // agent a string
        f.add(trapContent("06012b 40040a000001 0400 020100"));                  // generic a string
        f.add(trapContent("06012b 40040a000001 020106 0400"));                  // specific a string
        f.add(trapContent("06012b 40040a000001 020106 020101 020105"));         // time stamp an INTEGER
        f.add(trapContent("06012b 40040a000001 020106 020101 4100"));          // Counter time stamp, no bindings
        f.add(trapContent("06012b 4000 020106 020101 430105 3000"));            // empty agent address
        f.add(toAgent(sequence(integer(3), octets(""))));                       // v3 header a string
        f.add(v3Header("0400", ""));                                            // msgID a string
        f.add(v3Header("020101 0400", ""));                                     // maxSize a string
        f.add(v3Header("020101 020101 020100", ""));                            // flags an INTEGER
        f.add(v3Header("020101 020101 0400", ""));                              // empty flags
        f.add(v3Header("020101 020101 040104", ""));                            // no model
        f.add(v3Header("020101 020101 040104 0400", ""));                       // model a string
        f.add(v3Header("020101 020101 040180 020103", ""));                     // flags 0x80
        f.add(v3Header("020101 020101 040101 020103", ""));                     // no security parameters
        f.add(v3Header("020101 020101 040101 020103", "0200"));                 // parameters an empty INTEGER
        f.add(v3Header("020101 020101 040101 020103", "020101"));               // parameters an INTEGER
        f.add(v3Header("020101 020101 040101 020103", "0400"));                 // empty USM, no scoped PDU
        f.add(v3Header("020101 020101 040101 020103", "0402 0400"));            // USM not a sequence
        f.add(v3Header("020101 020101 040101 020103 0400 0400 0400", ""));      // extra after the model
        f.add(v3Header("020101 020101 040101 020103", "0402 3000 0400"));       // USM empty, scoped PDU a string
        f.add(v3Header("020101 020101 040101 020103", "0404 3002 0200"));       // engine ID an INTEGER
        f.add(v3Header("020101 020101 040101 020103", "0405 3003 040100"));     // no boots
        f.add(v3Header("020101 020101 040101 020103", "0408 3006 040100 040100"));   // boots a string
        f.add(v3Header("020101 020101 040101 020103", "040b 3009 040100 020101 040100"));   // time a string
        f.add(v3Header("020101 020101 040101 020103", "040e 300c 040100 020101 020102 020100"));   // user
        f.add(v3Header("020101 020101 040101 020103", "0411 300f 040100 020101 020102 040175 020100"));
        f.add(v3Header("020101 020101 040101 020103", "0413 3011 040100 020101 020102 040175 0400 020100"));
        f.add(v3Header("020101 020101 040101 020103",
            "0416 3014 040100 020101 020102 040175 0400 0400 0400 3000"));     // extra after the USM sequence
        f.add(v3Header("020101 020101 040101 020103", "0400 3002 0200"));       // context engine an INTEGER
        f.add(v3Header("020101 020101 040101 020103", "0400 3004 040101 0200"));   // context name an INTEGER
        f.add(v3Header("020101 020101 040101 020103", "0400 3005 040101 0400"));   // no PDU
        f.add(v3Header("020101 020101 040101 020103", "0400 3009 0400 040178 a402 0200"));   // Trap in v3
        return f;
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>(messages());
        f.addAll(malformed());
        return f;
    }

    @Test
    void cutMalformedMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(malformed(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -x");
    }

    /** The UDP payload of one of the frames above: the UDP length field, minus its header. */
    private static int udpPayloadLength(byte[] frame) {
        int udp = (frame[12] & 0xff) == 0x86 ? 14 + 40 : 14 + 20;
        return ((frame[udp + 4] & 0xff) << 8 | (frame[udp + 5] & 0xff)) - 8;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The well-formed messages are cut here; the malformed ones in their own test, in fewer flag sets. */
    @Override
    List<Frame> cutFrames() {
        return messages();
    }

    /** Cut after the UDP header of an IPv4 packet for every frame, as before; mutated in the UDP payload. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return frame.length - udpPayloadLength(frame);
    }

    @Override
    Checks checks() {
        // Every frame with a few bytes of its message changed at random (a fixed seed), half of them also cut short:
        // tags, lengths and values no hand-built frame has, against tcpdump too.
        return Checks.of(new Mutants("SNMP", 161, 30, 3, 0, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v")
            .mutated("-v -x", "")
            // Every message kind and value type at -v.
            .allocation("-v")
            .repeats(2_000);
    }

    @Override
    List<Frame> mutantBases() {
        return frames();
    }
}
