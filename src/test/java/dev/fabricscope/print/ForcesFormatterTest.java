package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ForCES (RFC 5810) in SCTP DATA chunks against tcpdump 4.99 itself: every message type, on each ForCES port and by
 * payload protocol on other ports, LFB selectors with every operation, path data with IDs, keys, table ranges and
 * nested path data, FULLDATA, SPARSEDATA ILVs, RESULT, KEYINFO, setup results, teardown reasons, redirect metadata
 * and data, and the malformed shapes tcpdump complains about (bad lengths, types, padding), at every verbosity, cut
 * after every byte, and seeded mutants.
 */
class ForcesFormatterTest extends TcpdumpConformance {
    private static final int HP = 6704, MP = 6705, LP = 6706;
    private static final int SETUP = 0x1, TEARDOWN = 0x2, CONFIG = 0x3, QUERY = 0x4, EVENT = 0x5, REDIRECT = 0x6,
        HEARTBEAT = 0xf, SETUP_RESPONSE = 0x11, CONFIG_RESPONSE = 0x13, QUERY_RESPONSE = 0x14;
    private static final int SET = 1, SETPROP = 2, SETRESP = 3, SETPRESP = 4, DEL = 5, DELRESP = 6, GET = 7,
        GETPROP = 8, GETRESP = 9, GETPRESP = 10, REPORT = 11, COMMIT = 12, RCOMMIT = 13, RTRCOMP = 14;
    private static final int LFB_SELECT = 0x1000, PATH_DATA = 0x110, KEYINFO = 0x111, FULLDATA = 0x112,
        SPARSEDATA = 0x113, RESULT = 0x114, METADATA = 0x115, REDIRECTDATA = 0x116, AS_RESULT = 0x10,
        AS_TEARDOWN = 0x11;

    /** A TLV: type, length (header and value, unpadded), the value, zeros to a multiple of 4. */
    static byte[] tlv(int type, byte[] value) {
        return tlv(type, 4 + value.length, value);
    }

    static byte[] tlv(int type, int length, byte[] value) {
        return concat(u16(type), u16(length), value, zeros((4 - value.length % 4) % 4));
    }

    /** An ILV: 32-bit identifier and length (header included), the value padded to 4. */
    static byte[] ilv(long id, byte[] value) {
        return concat(u32(id), u32(8 + value.length), value, zeros((4 - value.length % 4) % 4));
    }

    /** The common header (RFC 5810 6.1): version 1, type, length in words, source, destination, correlator, flags. */
    static byte[] message(int type, long source, long destination, long correlator, long flags, byte[]... tlvs) {
        byte[] body = concat(tlvs);
        return concat(new byte[] {0x10, (byte) type}, u16((24 + body.length) / 4), u32(source), u32(destination),
            u32(correlator >>> 32), u32(correlator & 0xffffffffL), u32(flags), body);
    }

    static byte[] message(int type, byte[]... tlvs) {
        return message(type, 0x40000001L, 0x00000002L, 7, 0x38400000L, tlvs);
    }

    static byte[] lfb(long classId, long instance, byte[]... operations) {
        return tlv(LFB_SELECT, concat(u32(classId), u32(instance), concat(operations)));
    }

    /** A PATH-DATA TLV: flags, ID count, the IDs, then what follows them. */
    static byte[] path(int flags, long[] ids, byte[]... content) {
        byte[] v = concat(u16(flags), u16(ids.length));
        for (long id : ids) v = concat(v, u32(id));
        return tlv(PATH_DATA, concat(v, concat(content)));
    }

    static byte[] path(long id, byte[]... content) {
        return path(0, new long[] {id}, content);
    }

    static byte[] result(int code) {
        return tlv(RESULT, new byte[] {(byte) code, 0, 0, 0});
    }

    static Frame forces(int sport, int dport, long ppid, byte[] message) {
        return SctpFrames.v4(SctpFrames.packet(sport, dport, 1, SctpFrames.data(3, 100, 0, 1, ppid, message)));
    }

    static Frame forces(byte[] message) {
        return forces(40_000, HP, 0, message);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] data = hex("0001020304050607 08090a0b0c0d0e0f 1011121314151617 18191a1b1c1d1e1f 2021");
        // heartbeats on each channel, with each flag value spelled out at -vv
        f.add(forces(40_000, LP, 0, message(HEARTBEAT, 0x40000001L, 2, 2, 0xc0400000L)));
        f.add(forces(MP, 40_000, 0, message(HEARTBEAT, 3, 0xc0000001L, 0x0102030405060708L, 0x7fe7ffffL)));
        f.add(forces(HP, LP, 0, message(HEARTBEAT, 0xfffffffdL, 0xfffffffeL, -1L, 0x80a80001L)));
        f.add(forces(40_000, HP, 0, message(HEARTBEAT, 0xffffffffL, 0xfffffff0L, 0, 0x47100000L)));
        // association setup (none, one and two LFB selectors), its response and teardown with each code
        f.add(forces(message(SETUP)));
        f.add(forces(message(SETUP, lfb(1, 1, tlv(REPORT, path(2, tlv(FULLDATA, data)))),
            lfb(2, 1, tlv(REPORT, path(0, new long[] {1, 2, 3}))))));
        for (int code = 0; code <= 4; code++) f.add(forces(message(SETUP_RESPONSE, tlv(AS_RESULT, u32(code)))));
        f.add(forces(message(SETUP_RESPONSE, tlv(AS_RESULT, u16(1)))));
        for (long code : new long[] {0, 1, 2, 3, 4, 5, 255, 256}) {
            f.add(forces(message(TEARDOWN, tlv(AS_TEARDOWN, u32(code)))));
        }
        f.add(forces(message(TEARDOWN, tlv(AS_TEARDOWN, u32(0)), tlv(AS_TEARDOWN, u32(1)))));
        f.add(forces(message(TEARDOWN, tlv(AS_TEARDOWN, hex("000000000000")))));
        // config: every allowed operation, full and sparse data, table append, keys, nested path data
        f.add(forces(message(CONFIG, lfb(3, 2,
            tlv(SET, path(4, tlv(FULLDATA, data))),
            tlv(SETPROP, path(0, new long[] {5, 6}, tlv(SPARSEDATA, concat(ilv(1, hex("0a0b0c")), ilv(2, data),
                ilv(0x80000000L, new byte[0]))))),
            tlv(DEL, path(4, new long[] {7}, tlv(PATH_DATA, concat(u16(0), u16(1), u32(8))))),
            tlv(SET, path(4, new long[] {9}, tlv(FULLDATA, hex("01")))),
            tlv(COMMIT, new byte[8]), tlv(RTRCOMP, new byte[8])))));
        f.add(forces(message(CONFIG, lfb(3, 2,
            tlv(SET, path(1, new long[] {1}, u32(0xabcd), tlv(0x0101, hex("01020304")), tlv(KEYINFO,
                concat(u32(0x1234), tlv(FULLDATA, hex("00ff"))))))),
            lfb(0xfffffff0L, 3, tlv(SET, path(4, new long[] {2, 3}, tlv(FULLDATA, hex("aabbccdd"))))))));
        f.add(forces(message(CONFIG, lfb(3, 2, tlv(SET, path(0, new long[] {1},
            tlv(PATH_DATA, concat(u16(0), u16(1), u32(2), tlv(PATH_DATA, concat(u16(0), u16(1), u32(3),
                tlv(FULLDATA, hex("55"))))))))))));
        // config response: results with every code tcpdump names, RCommit's generic TLV
        byte[] results = new byte[0];
        for (int code : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
            23, 255}) {
            results = concat(results, tlv(SETRESP, path(code, result(code))));
        }
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(DELRESP, path(1, result(0))),
            tlv(SETPRESP, path(2, result(0x17)))), lfb(2, 2, results))));
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(RCOMMIT, tlv(PATH_DATA, concat(u16(0), u16(1), u32(7),
            result(0))))))));
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(RCOMMIT, tlv(0x0200, new byte[8]))))));
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(RCOMMIT, tlv(KEYINFO, 40, new byte[8]))))));
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(SETRESP, path(1, result(0x18))),
            tlv(SETRESP, path(1, tlv(RESULT, hex("00000000 00"))))))));
        // query and its response: table range, keys, append, both (illegal)
        f.add(forces(message(QUERY, lfb(1, 1, tlv(GET, path(1)), tlv(GETPROP, path(2, new long[] {1, 2},
            concat(u16(0), u16(12), u32(10), u32(20))))))));
        f.add(forces(message(QUERY, lfb(1, 1, tlv(GET, path(3, new long[] {1}, concat(u16(0), u16(12), u32(10),
            u32(20))))))));
        f.add(forces(message(QUERY_RESPONSE, lfb(2, 1, tlv(GETRESP, path(0, new long[] {1, 2},
            tlv(FULLDATA, data), tlv(FULLDATA, hex("0102")))), tlv(GETPRESP, path(6, result(0)))))));
        f.add(forces(message(QUERY_RESPONSE, lfb(2, 1, tlv(GETRESP, path(1, new long[] {1}, u32(5),
            tlv(0x0102, 12, hex("0000000000000000")), tlv(FULLDATA, hex("01"))))))));
        // event notification, with and without report
        f.add(forces(message(EVENT, lfb(1, 1, tlv(REPORT, path(0, new long[] {1, 2}, tlv(SPARSEDATA,
            ilv(4, hex("11223344")))))))));
        f.add(forces(message(EVENT, lfb(1, 1, tlv(REPORT, path(0, new long[] {1}, tlv(SPARSEDATA, hex("0102"))))))));
        // packet redirect: metadata ILVs, redirect data, unknown and short TLVs
        f.add(forces(message(REDIRECT, tlv(1, concat(tlv(METADATA, concat(ilv(1, hex("01020304")),
            ilv(2, data))), tlv(REDIRECTDATA, data), tlv(0x0200, hex("0102")))))));
        f.add(forces(message(REDIRECT, tlv(1, concat(tlv(REDIRECTDATA, hex("0102")), tlv(METADATA,
            hex("00000001 00000004")))))));
        f.add(forces(message(REDIRECT, tlv(1, hex("01020304")))));
        f.add(forces(message(REDIRECT, tlv(1, concat(tlv(REDIRECTDATA, hex("0102")), hex("0116 0010 0000"))))));
        // operations a message does not allow, vendor operations, short operations, messy operation TLVs
        f.add(forces(message(QUERY, lfb(1, 1, tlv(SET, path(1)), tlv(0x8001, new byte[12]), tlv(GET, hex("0001")),
            tlv(0, new byte[8])))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1)), hex("0001 0020 0000 0000")))));
        f.add(forces(message(CONFIG, lfb(1, 1))));
        f.add(forces(message(CONFIG, tlv(LFB_SELECT, concat(u32(1), u32(1), u16(1))))));
        // path data complaints: IDs past the TLV, bad content TLVs, encodings the operation does not allow
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, concat(u16(PATH_DATA), u16(12), u16(0), u16(3), u32(1)))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, tlv(0x0200, hex("0102")))),
            tlv(SET, path(1, tlv(RESULT, hex("00000000")))), tlv(DEL, path(1, tlv(FULLDATA, hex("01"))))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, hex("0112 0020 0000 0000")))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, hex("0112 0000 0000 0000")))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, new long[] {1}, hex("0000 0000"),
            tlv(0x0101, 2, new byte[0])))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, new long[] {1}, u32(1), tlv(0x0101, 64,
            hex("00000000"))))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1, new long[] {1}, u32(1), tlv(0x0101, hex("00")),
            tlv(KEYINFO, concat(u32(1), tlv(0x0200, hex("00")))), tlv(KEYINFO, concat(u32(1), tlv(FULLDATA, 40,
            hex("00"))))))))));
        f.add(forces(message(QUERY, lfb(1, 1, tlv(GET, path(2, new long[] {1}, hex("0000 0000")))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(0, new long[] {1}, tlv(SPARSEDATA,
            concat(ilv(1, hex("01")), hex("00000002 00000040")))))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(0, new long[] {1}, tlv(SPARSEDATA,
            concat(ilv(1, hex("01")), hex("00000002 00000002 0000")))))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(0, new long[] {1}, tlv(SPARSEDATA,
            hex("00000002 00000009 0000 0000"))))))));
        // nested path data: inner runs that fail (the run around them goes on), runs after content, failures in them
        byte[] badIds = tlv(PATH_DATA, concat(u16(0), u16(5), u32(1)));
        byte[] inner = tlv(PATH_DATA, concat(u16(0), u16(1), u32(2), tlv(FULLDATA, hex("0102"))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, concat(path(0, new long[] {1}, badIds, inner),
            path(0, new long[] {3}, inner, inner, badIds), path(0, new long[] {4}, tlv(FULLDATA, hex("aa")), inner,
            path(0, new long[] {5}, tlv(FULLDATA, hex("bb")), badIds, inner)), path(6, inner)))))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, concat(path(0, new long[] {1}, inner, hex("0000 0002")),
            path(7, inner), path(0, new long[] {1}, tlv(PATH_DATA, concat(u16(0), u16(0), inner, hex("0110 0003")))),
            path(8, inner)))))));
        f.add(forces(message(CONFIG_RESPONSE, lfb(1, 1, tlv(RCOMMIT, tlv(PATH_DATA, concat(u16(0), u16(1), u32(7),
            inner, badIds)))), lfb(1, 1, tlv(RCOMMIT, tlv(PATH_DATA, concat(u16(0), u16(1), u32(7), badIds)))))));
        // message complaints: bad and unknown types, lengths, top-level TLVs missing, unwanted or invalid
        f.add(forces(hex("1007 0006 00000001 00000002 0000000000000001 00000000")));
        f.add(forces(hex("1012 0006 00000001 00000002 0000000000000001 00000000")));
        f.add(forces(hex("1000 0006 00000001 00000002 0000000000000001 00000000")));
        f.add(forces(hex("100f 0007 00000001 00000002 0000000000000001 00000000")));
        f.add(forces(hex("100f 0005 00000001 00000002 0000000000000001")));
        f.add(forces(hex("100f 0006 00000001 00000002 00000000")));
        f.add(forces(message(HEARTBEAT, tlv(1, new byte[4]))));
        f.add(forces(message(HEARTBEAT, tlv(1, new byte[0]))));
        f.add(forces(message(CONFIG)));
        f.add(forces(message(CONFIG, tlv(0x0200, new byte[8]))));
        f.add(forces(message(CONFIG, tlv(LFB_SELECT, 64, new byte[8]))));
        f.add(forces(message(CONFIG, lfb(1, 1, tlv(SET, path(1))), hex("0000 0000"))));
        // by payload protocol on other ports (sticky for the chunks after it), and next to other chunks
        byte[] heartbeat = message(HEARTBEAT);
        for (long ppid : new long[] {21, 22, 23}) {
            f.add(SctpFrames.v4(SctpFrames.packet(5000, 5001, 1, SctpFrames.data(3, 1, 0, 0, ppid, heartbeat),
                SctpFrames.data(3, 2, 0, 1, 0, heartbeat))));
        }
        f.add(SctpFrames.v4(SctpFrames.packet(5000, 5001, 1, SctpFrames.data(3, 1, 0, 0, 0, heartbeat),
            SctpFrames.data(3, 2, 0, 1, 22, heartbeat), SctpFrames.data(3, 2, 0, 1, 0, hex("0102")))));
        f.add(SctpFrames.v4(SctpFrames.packet(HP, 5001, 1, SctpFrames.data(3, 1, 0, 0, 0, hex("0102")),
            SctpFrames.chunk(3, 0, concat(u32(1), u32(2), u16(0), u16(0))),
            SctpFrames.data(3, 2, 0, 1, 0, message(QUERY, lfb(1, 1, tlv(GET, path(1))))))));
        f.add(SctpFrames.v6(SctpFrames.packet(40_000, MP, 1, SctpFrames.data(3, 1, 0, 0, 0,
            message(CONFIG, lfb(1, 1, tlv(SET, path(1, tlv(FULLDATA, data)))))))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("FORCES", 6704, 6, 4, 40, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-vvvv", "-q", "-vv -x")
            .cut("-x", "-v -x", "-vvv -x")
            .allocation("", "-v", "-vv", "-vvv", "-vvvv");
    }

    /** The SCTP packet: after the IP header (the chunk headers are mutated too). */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    /** Path data nested as deep as a jumbo frame lets it: tcpdump's recursion, ours on the Java stack. */
    @Test
    void deepNestingAsTcpdump() throws Exception {
        byte[] inner = tlv(FULLDATA, hex("01"));
        for (int i = 0; i < 7900; i++) inner = tlv(PATH_DATA, concat(u16(0), u16(0), inner));
        Frame deep = forces(message(CONFIG, lfb(1, 1, tlv(SET, inner))));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(deep), "", "-vvv");
    }
}
