package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * M3UA (RFC 4666) in SCTP DATA chunks of payload protocol 3 against tcpdump 4.99 itself: every message class and type
 * tcpdump names and unknown ones, other versions, every parameter tag it names (Protocol Data with its routing label
 * and user part) and unknown tags, the values it prints (Network Appearance, Routing Context, Correlation ID) with
 * short values, padding after odd lengths, message lengths other than the chunk's, messages shorter than the header,
 * parameters shorter than their header, cut by the message end, running into the next chunk or past the capture;
 * over IPv4 and IPv6, next to other DATA chunks; whole in every verbosity, cut after every byte, and mutated.
 */
class M3uaFormatterTest extends TcpdumpConformance {
    private static final int MGMT = 0, TRANSFER = 1, SSNM = 2, ASPSM = 3, ASPTM = 4, RKM = 9;
    private static final int INFO = 0x0004, ROUTING_CONTEXT = 0x0006, DIAGNOSTIC = 0x0007, HEARTBEAT = 0x0009,
        TRAFFIC_MODE = 0x000b, ERROR_CODE = 0x000c, STATUS = 0x000d, ASP_ID = 0x0011, AFFECTED_PC = 0x0012,
        CORRELATION_ID = 0x0013, NETWORK_APPEARANCE = 0x0200, USER_CAUSE = 0x0204, CONGESTION = 0x0205,
        CONCERNED_DST = 0x0206, ROUTING_KEY = 0x0207, REG_RESULT = 0x0208, DEREG_RESULT = 0x0209,
        LOCAL_RK_ID = 0x020a, DPC = 0x020b, SERVICE_INDICATORS = 0x020c, OPC_LIST = 0x020e, PROTOCOL_DATA = 0x0210,
        REG_STATUS = 0x0212, DEREG_STATUS = 0x0213;
    /** Ethernet, IPv4, the SCTP common header and a DATA chunk's header: where the M3UA message starts. */
    private static final int M3UA_V4 = 14 + 20 + 12 + 16;

    /** A parameter (RFC 4666 3.2): tag, length (header and value, unpadded), the value, zeros to a multiple of 4. */
    static byte[] parameter(int tag, byte[] value) {
        return parameter(tag, 4 + value.length, value);
    }

    static byte[] parameter(int tag, int length, byte[] value) {
        return concat(u16(tag), u16(length), value, zeros((4 - value.length % 4) % 4));
    }

    /** The common header (RFC 4666 3.1): version, reserved, class, type, length (header included), then the body. */
    static byte[] message(int version, int messageClass, int type, long length, byte[] body) {
        return concat(new byte[] {(byte) version, 0, (byte) messageClass, (byte) type}, u32(length), body);
    }

    static byte[] message(int messageClass, int type, byte[]... parameters) {
        byte[] body = concat(parameters);
        return message(1, messageClass, type, 8 + body.length, body);
    }

    /** Protocol Data (3.3.1): OPC, DPC, SI, NI, MP, SLS, then the user part's bytes. */
    static byte[] protocolData(long opc, long dpc, int si, int ni, int mp, int sls, byte[] userData) {
        return parameter(PROTOCOL_DATA, concat(u32(opc), u32(dpc), new byte[] {(byte) si, (byte) ni, (byte) mp,
            (byte) sls}, userData));
    }

    static Frame m3ua(byte[] message) {
        return SctpFrames.v4(SctpFrames.packet(2905, 2905, 7, SctpFrames.data(3, 42, 6, 1, 3, message)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(single());
        byte[] routingContext = parameter(ROUTING_CONTEXT, u32(1));
        // a parameter running into the next chunk, which is printed after it; M3UA next to other payloads
        byte[] heartbeat = message(ASPSM, 3, parameter(HEARTBEAT, ascii("beat")));
        f.add(SctpFrames.v4(SctpFrames.packet(2905, 2905, 7,
            SctpFrames.data(3, 1, 0, 0, 3, message(1, ASPSM, 3, 16, parameter(HEARTBEAT, 24, ascii("beat")))),
            SctpFrames.data(3, 2, 0, 1, 3, heartbeat))));
        f.add(SctpFrames.v4(SctpFrames.packet(2905, 2905, 7, SctpFrames.data(3, 1, 0, 0, 0, hex("0102")),
            SctpFrames.data(3, 2, 0, 1, 3, heartbeat), SctpFrames.chunk(3, 0, concat(u32(1), u32(2), u16(0), u16(0))),
            SctpFrames.data(0, 3, 0, 2, 3, message(ASPTM, 3, routingContext)),
            SctpFrames.data(3, 4, 0, 3, 4, heartbeat))));
        f.add(SctpFrames.v6(SctpFrames.packet(2905, 2905, 7, SctpFrames.data(3, 1, 0, 0, 3,
            message(TRANSFER, 1, routingContext, protocolData(1, 2, 5, 2, 0, 1, hex("0102030405")))))));
        // on a ForCES port the payload is ForCES whatever its protocol
        f.add(SctpFrames.v4(SctpFrames.packet(6704, 2905, 7, SctpFrames.data(3, 1, 0, 0, 3, heartbeat))));
        return f;
    }

    /** One M3UA message in one DATA chunk over IPv4: the message starts at {@link #M3UA_V4}. */
    static List<Frame> single() {
        List<Frame> f = new ArrayList<>();
        byte[] routingContext = parameter(ROUTING_CONTEXT, u32(1));
        // an ISUP IAM (Q.763): CIC 17, type 1, connection, forward call indicators, calling category, medium,
        // pointers, called party number 1234, end of optional part
        byte[] isup = hex("1100 01 00 6001 0a 00 02 00 06 0481 1032 0400 00");
        // every class with the types tcpdump names, one it does not, and classes without types
        int[][] types = {{MGMT, 0, 1, 2}, {TRANSFER, 0, 1, 2}, {SSNM, 0, 1, 2, 3, 4, 5, 6, 7},
            {ASPSM, 0, 1, 2, 3, 4, 5, 6, 7}, {ASPTM, 0, 1, 2, 3, 4, 5}, {RKM, 0, 1, 2, 3, 4, 5, 0xff}};
        for (int[] c : types) {
            for (int i = 1; i < c.length; i++) f.add(m3ua(message(c[0], c[i])));
        }
        for (int c : new int[] {5, 6, 7, 8, 10, 0x7f, 0xff}) f.add(m3ua(message(c, 1, routingContext)));
        // other versions print nothing of the message
        f.add(m3ua(message(0, TRANSFER, 1, 8, new byte[0])));
        f.add(m3ua(message(2, TRANSFER, 1, 16, routingContext)));
        // transfer data as carried: network appearance, routing context, protocol data, correlation ID
        f.add(m3ua(message(TRANSFER, 1, parameter(NETWORK_APPEARANCE, u32(0x80000001L)), routingContext,
            protocolData(0x3fff, 0x0001, 5, 2, 0, 0x0f, isup), parameter(CORRELATION_ID, u32(0xdeadbeefL)))));
        f.add(m3ua(message(TRANSFER, 1, protocolData(1, 2, 3, 0, 0, 0, new byte[0]))));
        f.add(m3ua(message(TRANSFER, 1, protocolData(0xffffff, 0xffffff, 0xff, 3, 3, 0xff, hex("01")))));
        // every other parameter tcpdump names, and unknown tags
        f.add(m3ua(message(MGMT, 0, parameter(ERROR_CODE, u32(0x19)), routingContext,
            parameter(NETWORK_APPEARANCE, u32(3)), parameter(AFFECTED_PC, u32(0x00001234)),
            parameter(DIAGNOSTIC, hex("0102030405")))));
        f.add(m3ua(message(MGMT, 1, parameter(STATUS, concat(u16(1), u16(3))), parameter(ASP_ID, u32(9)),
            routingContext, parameter(INFO, ascii("notify")))));
        f.add(m3ua(message(ASPSM, 1, parameter(ASP_ID, u32(1)), parameter(INFO, ascii("up")))));
        f.add(m3ua(message(ASPSM, 3, parameter(HEARTBEAT, ascii("beat data 123")))));
        f.add(m3ua(message(ASPTM, 1, parameter(TRAFFIC_MODE, u32(2)), routingContext, parameter(INFO, ascii("a")))));
        f.add(m3ua(message(SSNM, 1, parameter(NETWORK_APPEARANCE, u32(1)), routingContext,
            parameter(AFFECTED_PC, concat(u32(0x01000100), u32(0x00000200))), parameter(INFO, ascii("duna")))));
        f.add(m3ua(message(SSNM, 3, routingContext, parameter(AFFECTED_PC, u32(5)), parameter(USER_CAUSE,
            concat(u16(0), u16(5))))));
        f.add(m3ua(message(SSNM, 4, parameter(AFFECTED_PC, u32(5)), parameter(CONCERNED_DST, u32(6)),
            parameter(CONGESTION, u32(2)))));
        f.add(m3ua(message(RKM, 1, parameter(ROUTING_KEY, concat(parameter(LOCAL_RK_ID, u32(1)), routingContext,
            parameter(TRAFFIC_MODE, u32(1)), parameter(DPC, u32(0x0102)), parameter(SERVICE_INDICATORS, hex("05")),
            parameter(OPC_LIST, concat(u32(1), u32(2))))))));
        f.add(m3ua(message(RKM, 2, parameter(REG_RESULT, concat(parameter(LOCAL_RK_ID, u32(1)),
            parameter(REG_STATUS, u32(0)), routingContext)))));
        f.add(m3ua(message(RKM, 3, routingContext)));
        f.add(m3ua(message(RKM, 4, parameter(DEREG_RESULT, concat(routingContext,
            parameter(DEREG_STATUS, u32(0)))))));
        f.add(m3ua(message(RKM, 1, parameter(LOCAL_RK_ID, u32(7)), parameter(DPC, u32(1)),
            parameter(SERVICE_INDICATORS, hex("0305")), parameter(OPC_LIST, u32(3)), parameter(REG_STATUS, u32(2)),
            parameter(DEREG_STATUS, u32(1)))));
        f.add(m3ua(message(MGMT, 0, parameter(0x0000, u32(1)), parameter(0x0001, new byte[0]),
            parameter(0x0005, u32(2)), parameter(0x0214, hex("ff")), parameter(0x8000, new byte[8]),
            parameter(0xffff, u32(3)))));
        // short values where tcpdump prints one, padding after each odd length
        f.add(m3ua(message(TRANSFER, 1, parameter(ROUTING_CONTEXT, new byte[0]), parameter(NETWORK_APPEARANCE,
            hex("01")), parameter(CORRELATION_ID, hex("010203")), parameter(ROUTING_CONTEXT, hex("0102030405")))));
        f.add(m3ua(message(ASPSM, 3, parameter(HEARTBEAT, hex("01")), parameter(HEARTBEAT, hex("0102")),
            parameter(HEARTBEAT, hex("010203")), routingContext)));
        // message lengths other than the chunk's payload, and messages shorter than their header
        f.add(m3ua(message(1, TRANSFER, 1, 12, routingContext)));
        f.add(m3ua(message(1, TRANSFER, 1, 17, routingContext)));
        f.add(m3ua(message(1, MGMT, 1, 0, new byte[0])));
        f.add(m3ua(message(1, 0x20, 1, 0xffffffffL, new byte[0])));
        f.add(m3ua(hex("01000101")));
        f.add(m3ua(hex("01000101 000000")));
        f.add(m3ua(hex("05")));
        // parameters shorter than their header, cut by the message's end, or running past it
        f.add(m3ua(message(TRANSFER, 1, routingContext, parameter(PROTOCOL_DATA, 3, new byte[0]), routingContext)));
        f.add(m3ua(message(TRANSFER, 1, parameter(INFO, 0, new byte[0]))));
        f.add(m3ua(message(TRANSFER, 1, routingContext, hex("0006"))));
        f.add(m3ua(message(TRANSFER, 1, routingContext, hex("000600"))));
        f.add(m3ua(message(TRANSFER, 1, routingContext, parameter(INFO, 12, ascii("abcd")))));
        f.add(m3ua(message(TRANSFER, 1, parameter(INFO, 400, ascii("past the packet")))));
        f.add(m3ua(message(TRANSFER, 1, parameter(ROUTING_CONTEXT, 0xffff, new byte[4]))));
        // an unpadded last parameter: its padding comes from the chunk's
        f.add(m3ua(message(1, ASPSM, 3, 13, concat(u16(HEARTBEAT), u16(5), hex("aa")))));
        f.add(m3ua(message(1, ASPSM, 3, 22, concat(routingContext, u16(HEARTBEAT), u16(6), hex("aabb")))));
        f.add(m3ua(message(1, ASPSM, 3, 15, concat(u16(HEARTBEAT), u16(7), hex("aabbcc")))));
        return f;
    }

    @Override
    int start(byte[] frame) {
        return M3UA_V4;
    }

    /** The DATA chunk's header is mutated too (its length, protocol). */
    @Override
    int mutantStart(byte[] frame) {
        return 14 + 20 + 12;
    }

    /** The cuts fall in the M3UA message, so only the frames where it starts at {@link #M3UA_V4}. */
    @Override
    List<Frame> cutFrames() {
        return single();
    }

    @Override
    List<Frame> mutantBases() {
        return frames();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("M3UA", 4666, 8, 4, 28, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-vvvv", "-q", "-vv -x")
            .cut("-vv -x", "-vv")
            .mutated("-vv -x", "-vvvv")
            .allocation("-vv", "-vvvv");
    }
}
