package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * EAPOL (IEEE 802.1X, ethertype 0x888e: version, frame type, body length) and the EAP packets it carries (RFC 3748:
 * code, identifier, length, then a request's or response's type and type data) against tcpdump 4.99 itself: every
 * frame type, codes and types with what tcpdump reads of them (identity, notification, Nak'd types, TLS/TTLS/FAST
 * flags and message length, SIM/AKA subtypes), lengths too short for each, fragments, bodies longer than the capture;
 * whole, cut after every byte and mutated.
 */
class EapFormatterTest extends TcpdumpConformance {
    /** An EAPOL frame: version, type, the body's length as given, the body. */
    static Frame eapol(int version, int type, int length, String body) {
        return eapol(version, type, length, hex(body));
    }

    static Frame eapol(int version, int type, int length, byte[] body) {
        return new Frame(ethernet(EapolFormatter.ETHERTYPE, concat(new byte[] {(byte) version, (byte) type},
            u16(length), body)));
    }

    /** An EAPOL frame carrying one EAP packet whose length fields both say its size. */
    static Frame eap(int code, int id, String data) {
        byte[] d = hex(data);
        byte[] packet = concat(new byte[] {(byte) code, (byte) id}, u16(4 + d.length), d);
        return eapol(2, 0, packet.length, packet);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(eapol(1, 1, 0, ""));                                      // start
        f.add(eapol(2, 2, 0, ""));                                      // logoff
        f.add(eapol(2, 3, 8, "02 008a 0010 0000000000000001"));         // key (header only)
        f.add(eapol(1, 4, 2, "abcd"));                                  // ASF alert
        f.add(eapol(3, 9, 1, "00"));                                    // unknown type
        f.add(eap(1, 1, "01"));                                         // identity request, no identity
        f.add(eap(2, 1, "01 75736572406578616d706c652e636f6d"));        // identity response
        f.add(eap(2, 2, "01 61 0a 62 7f 00 63"));                       // control characters, stops at NUL
        f.add(eap(1, 3, "02"));                                         // notification too short
        f.add(eap(1, 3, "02 68656c6c6f"));                              // notification
        f.add(eap(2, 4, "03"));                                         // Nak too short
        f.add(eap(2, 4, "03 0d 15 19 63 fe"));                          // Nak with types
        f.add(eap(1, 5, "04 10 00112233445566778899aabbccddeeff 6e6173"));   // MD5 challenge
        f.add(eap(1, 6, "05 6f7470"));                                  // OTP
        f.add(eap(1, 6, "06 677463"));                                  // GTC
        f.add(eap(1, 7, "0d"));                                         // TLS too short
        f.add(eap(1, 7, "0d 20"));                                      // TLS start
        f.add(eap(2, 7, "0d 00 1603010005"));                           // TLS, no flags
        f.add(eap(2, 8, "0d c0 000005dc 160301"));                      // TLS with length, more fragments
        f.add(eap(2, 8, "0d 80 0000"));                                 // TLS length bit, too short for it
        f.add(eap(1, 9, "15 21"));                                      // TTLSv1 start
        f.add(eap(2, 9, "15 87 00000100"));                             // TTLSv7 with length
        f.add(eap(2, 9, "15"));                                         // TTLS too short
        f.add(eap(1, 10, "2b 21"));                                     // FASTv1 start
        f.add(eap(1, 10, "2b a1 00000010 aa"));                         // FAST with length
        f.add(eap(1, 10, "2b 80 00"));                                  // FAST length bit, too short
        f.add(eap(1, 10, "2b"));                                        // FAST too short
        f.add(eap(1, 11, "12 0a 0000 0f0200"));                         // SIM start
        f.add(eap(2, 11, "12 0b"));                                     // SIM challenge
        f.add(eap(1, 12, "17 01 0000"));                                // AKA challenge
        f.add(eap(1, 12, "17 03"));                                     // AKA unknown subtype
        f.add(eap(1, 12, "17 0e"));                                     // AKA client error
        f.add(eap(1, 12, "17"));                                        // AKA too short
        f.add(eap(1, 13, "fe 000000 00000001"));                        // expanded types
        f.add(eap(1, 13, "ff"));                                        // experimental
        f.add(eap(1, 13, "63 0102"));                                   // unknown type
        f.add(eap(1, 13, "00"));                                        // no proposed
        f.add(eap(3, 14, ""));                                          // success
        f.add(eap(4, 14, ""));                                          // failure
        f.add(eap(9, 15, "0102"));                                      // unknown code
        f.add(eapol(2, 0, 4, "01 10 0004"));                            // request too short for a type
        f.add(eapol(2, 0, 3, "02 10 0003"));                            // too short for the header
        f.add(eapol(2, 0, 6, "01 10 0005 01 00"));                      // a fragment: lengths differ
        f.add(eapol(2, 0, 0, "01 10 0004"));                            // no EAP packet
        f.add(eapol(2, 0, 400, "01 10 0190 01 61"));                    // longer than the capture
        f.add(new Frame(vlan(5, EapolFormatter.ETHERTYPE, hex("0100 0009 0201 0009 01 75736572"))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("EAP", 0x888e, 8, 4, 10, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e -v")
            .cut("-x -v", "-v", "-x")
            .mutated("-x -v", "")
            .allocation("-v");
    }

    /** Cut from byte 14 on, a VLAN tag too. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The EAPOL frame: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }
}
