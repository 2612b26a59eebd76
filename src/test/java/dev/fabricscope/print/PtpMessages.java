package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;

/**
 * Hand-built PTP messages (IEEE 1588-2008 clause 13; 1588-2019 keeps the layout and adds minorVersionPTP in the
 * upper half of the version byte): the 34-byte common header, then each message type's body, carried as 1588
 * annex D (UDP/IPv4 319 event, 320 general), annex E (UDP/IPv6) and annex F (Ethernet, ethertype 0x88f7).
 */
final class PtpMessages {
    private PtpMessages() { }

    static final int SYNC = 0x0, DELAY_REQ = 0x1, PDELAY_REQ = 0x2, PDELAY_RESP = 0x3, FOLLOW_UP = 0x8,
        DELAY_RESP = 0x9, PDELAY_RESP_FOLLOW_UP = 0xa, ANNOUNCE = 0xb, SIGNALING = 0xc, MANAGEMENT = 0xd;
    static final int EVENT = 319, GENERAL = 320;
    static final byte[] PTP_PRIMARY_MAC = hex("011b19000000"), PTP_PEER_MAC = hex("0180c200000e");
    static final byte[] PTP_PRIMARY_IP = {(byte) 224, 0, 1, (byte) 129};
    static final byte[] PTP_PRIMARY_IP6 = hex("ff0e0000000000000000000000000181");
    /** An EUI-64 clock identity made from a NIC's MAC (ff:fe in the middle), as ptp4l and switches use. */
    static final String CLOCK = "0c42a1fffed3e4f5", GRANDMASTER = "ec4670fffe0a1b2c";

    /** The common header's fields that tests vary; the rest come from the message's type. */
    record Header(int transportSpecific, int version, int domain, int reserved1, int flags, long correction,
                  long reserved2, String clock, int port, int sequence, int control, int logInterval) {
        static Header of(int sequence) {
            return new Header(0, 2, 0, 0, 0, 0, 0, CLOCK, 1, sequence, -1, 0);
        }

        Header flags(int value) {
            return new Header(transportSpecific, version, domain, reserved1, value, correction, reserved2, clock, port,
                sequence, control, logInterval);
        }

        Header version(int value) {
            return new Header(transportSpecific, value, domain, reserved1, flags, correction, reserved2, clock, port,
                sequence, control, logInterval);
        }
    }

    /** The header (messageLength is the header and body's length), then the body. */
    static byte[] message(int type, Header h, byte[] body) {
        int control = h.control() >= 0 ? h.control() : switch (type) {
            case SYNC -> 0;
            case DELAY_REQ -> 1;
            case FOLLOW_UP -> 2;
            case DELAY_RESP -> 3;
            case MANAGEMENT -> 4;
            default -> 5;
        };
        return concat(new byte[] {(byte) (h.transportSpecific() << 4 | type), (byte) h.version()},
            u16(34 + body.length), new byte[] {(byte) h.domain(), (byte) h.reserved1()}, u16(h.flags()),
            u32(h.correction() >>> 32), u32(h.correction()), u32(h.reserved2()), hex(h.clock()), u16(h.port()),
            u16(h.sequence()), new byte[] {(byte) control, (byte) h.logInterval()}, body);
    }

    /** A Timestamp: 48-bit seconds, 32-bit nanoseconds. */
    static byte[] timestamp(long seconds, long nanoseconds) {
        return concat(u16((int) (seconds >>> 32)), u32(seconds), u32(nanoseconds));
    }

    /** A PortIdentity: clock identity, port number. */
    static byte[] portIdentity(String clock, int port) {
        return concat(hex(clock), u16(port));
    }

    /** Announce's body: origin time, UTC offset, reserved, priority 1, clock quality, priority 2, GM, steps, source. */
    static byte[] announceBody(int utcOffset, int priority1, int clockClass, int accuracy, int variance,
                               int priority2, String grandmaster, int steps, int timeSource) {
        return concat(timestamp(0, 0), u16(utcOffset), new byte[] {0, (byte) priority1, (byte) clockClass,
            (byte) accuracy}, u16(variance), new byte[] {(byte) priority2}, hex(grandmaster), u16(steps),
            new byte[] {(byte) timeSource});
    }

    static Frame udp4(int sport, int dport, byte[] message) {
        return new Frame(concat(PTP_PRIMARY_MAC, MAC_A, u16(0x0800),
            ipv4(17, udp(sport, dport, message, IP_A, PTP_PRIMARY_IP), 0, 1, 1, 0x4000, new byte[0], -1, IP_A,
                PTP_PRIMARY_IP)));
    }

    static Frame udp6(int sport, int dport, byte[] message) {
        return new Frame(concat(hex("333300000181"), MAC_A, u16(0x86dd),
            ipv6(17, udp(sport, dport, message, IP6_A, PTP_PRIMARY_IP6), 0x60000000L, IP6_A, PTP_PRIMARY_IP6)));
    }

    /** Annex F: straight on Ethernet, padded to the 60-byte minimum as a NIC would. */
    static Frame ethernet(byte[] destination, byte[] message) {
        byte[] frame = concat(destination, MAC_A, u16(0x88f7), message);
        if (frame.length < 60) frame = concat(frame, zeros(60 - frame.length));
        return new Frame(frame);
    }
}
