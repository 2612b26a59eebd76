package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.time.ZoneId;

/**
 * AFS's Rx on UDP 7000-7009 as tcpdump 4.99 prints it (print-rx.c): the packet type, with -v the sequence and serial
 * numbers (-vv the connection and call, the flags; -vvv the security index and service), then for the first data
 * packet of a call the AFS call by the server's port (fs, cb, pt, vldb, kauth, vol, bos, and Ubik on the databases),
 * for the first data packet or abort of a reply the reply to the call it answers, for acks what they acknowledge;
 * then the length. Replies are matched as tcpdump matches them: a table of the last 64 calls (call number, client,
 * server, server port, service), searched from where the last match was found. tcpdump keys the table on the IPv4
 * header's address fields even under IPv6, where they fall inside the source address; kept.
 */
final class RxFormatter {
    static final int LOW_PORT = 7000, HIGH_PORT = 7009;
    private static final int FS = 7000, CB = 7001, PROT = 7002, VLDB = 7003, KAUTH = 7004, VOL = 7005, BOS = 7007;
    private static final int HEADER = RxCalls.HEADER;
    private static final int DATA = 1, ACK = 2, ABORT = 4;
    private static final int CLIENT_INITIATED = 1;
    private static final String[] TYPES = {null, "data", "ack", "busy", "abort", "ackall", "challenge", "response",
        "debug", "params", null, null, null, "version"};
    /** The flags in tcpdump's order; the last two share a bit and each holds for one packet type only. */
    private static final int[] FLAG_BITS = {1, 2, 4, 8, 16, 32, 32};
    private static final int[] FLAG_TYPES = {0, 0, 0, 0, 0, ACK, DATA};
    private static final String[] FLAG_NAMES = {"<client-init>", "<req-ack>", "<last-pckt>", "<more-pckts>",
        "<free-pckt>", "<slow-start>", "<jumbogram>"};
    private static final int CACHE_SIZE = 64;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final RxReader reader;

    // the call table: parallel arrays, zero-filled as tcpdump's static table starts
    private final long[] callNumbers = new long[CACHE_SIZE];
    private final long[] clients = new long[CACHE_SIZE];
    private final long[] servers = new long[CACHE_SIZE];
    private final int[] serverPorts = new int[CACHE_SIZE];
    private final int[] services = new int[CACHE_SIZE];
    private final long[] opcodes = new long[CACHE_SIZE];
    private int next;
    private int hint;
    private long foundOpcode;

    RxFormatter(Verbosity verbosity, EarlyEnd earlyEnd, ZoneId zone) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.reader = new RxReader(zone);
    }

    static boolean port(int sport, int dport) {
        return sport >= LOW_PORT && sport <= HIGH_PORT || dport >= LOW_PORT && dport <= HIGH_PORT;
    }

    /** The payload at {@code off}, {@code length} bytes by UDP, captured to {@code end}; {@code ip} for the table. */
    void format(Packet p, IpContext ip, int off, int length, int end, int sport, int dport, StringBuilder out) {
        if (off + HEADER > end) {
            out.append(" [|rx] (").append(Integer.toUnsignedLong(length)).append(')');   // unsigned: a jumbogram's passes 2^31
            return;
        }
        RxReader r = reader;
        r.start(p, off, end, out);
        try {
            body(p, ip, off, UnsignedLength.clamped(length), sport, dport, r, out);
            out.append(" (").append(Integer.toUnsignedLong(length)).append(')');
        } catch (RxReader.Jump j) {
            earlyEnd.mark(out, "rx");
        }
    }

    private void body(Packet p, IpContext ip, int off, int length, int sport, int dport, RxReader r,
                      StringBuilder out) {
        int type = p.u8(off + 20), flags = p.u8(off + 21);
        long seq = p.u32(off + 12);
        out.append(" rx ");
        if (type < TYPES.length && TYPES[type] != null) out.append(TYPES[type]);
        else out.append("type ").append(type);
        if (verbosity.verbose()) {
            if (verbosity.veryVerbose()) {
                out.append(" cid ");
                Text.hex(out, p.u32(off + 4), 8);
                out.append(" call# ");
                Text.u32(out, p.u32(off + 8));
            }
            out.append(" seq ");
            Text.u32(out, seq);
            out.append(" ser ");
            Text.u32(out, p.u32(off + 16));
            if (verbosity.mostVerbose()) {
                out.append(" secindex ").append(p.u8(off + 23)).append(" serviceid ").append(p.u16(off + 26));
            }
            if (verbosity.veryVerbose()) {
                boolean first = true;
                for (int i = 0; i < FLAG_BITS.length; i++) {
                    if ((flags & FLAG_BITS[i]) == 0 || FLAG_TYPES[i] != 0 && type != FLAG_TYPES[i]) continue;
                    out.append(first ? ' ' : ',').append(FLAG_NAMES[i]);
                    first = false;
                }
            }
        }
        if (type == DATA && seq == 1 && (flags & CLIENT_INITIATED) != 0) {
            insert(p, ip, off, dport);
            switch (dport) {
                case FS -> RxCalls.fs(r, length);
                case CB -> RxCalls.cb(r, length);
                case PROT -> RxCalls.pt(r, length);
                case VLDB -> RxCalls.vldb(r, length);
                case KAUTH -> RxCalls.kauth(r, length);
                case VOL -> RxCalls.vol(r, length);
                case BOS -> RxCalls.bos(r, length);
                default -> { }
            }
        } else if ((type == DATA && seq == 1 || type == ABORT) && (flags & CLIENT_INITIATED) == 0
            && find(p, ip, off, sport)) {
            long op = foundOpcode;
            switch (sport) {
                case FS -> RxReplies.fs(r, length, op);
                case CB -> RxReplies.cb(r, length, op);
                case PROT -> RxReplies.pt(r, length, op);
                case VLDB -> RxReplies.vldb(r, length, op);
                case KAUTH -> RxReplies.kauth(r, length, op);
                case VOL -> RxReplies.vol(r, length, op);
                case BOS -> RxReplies.bos(r, length, op);
                default -> { }
            }
        } else if (type == ACK) {
            RxAcks.format(r, length, verbosity);
        }
    }

    /** tcpdump reads the addresses at the IPv4 header's offsets 12 and 16 whatever the IP version. */
    private static int clientOffset(IpContext ip) {
        return ip.v6 ? ip.srcOffset + 4 : ip.srcOffset;
    }

    /** A call: remembered with its opcode when the opcode was captured. */
    private void insert(Packet p, IpContext ip, int off, int dport) {
        if (off + HEADER + 4 > reader.end) return;
        int i = next;
        if (++next >= CACHE_SIZE) next = 0;
        int client = clientOffset(ip);
        callNumbers[i] = p.u32(off + 8);
        clients[i] = p.u32(client);
        servers[i] = p.u32(client + 4);
        serverPorts[i] = dport;
        services[i] = p.u16(off + 26);
        opcodes[i] = p.u32(off + HEADER);
    }

    /** A reply: the call it answers, from the server to the client, searched from the last match. */
    private boolean find(Packet p, IpContext ip, int off, int sport) {
        int server = clientOffset(ip);
        long sip = p.u32(server), clip = p.u32(server + 4);
        long call = p.u32(off + 8);
        int service = p.u16(off + 26);
        int i = hint;
        do {
            if (callNumbers[i] == call && clients[i] == clip && servers[i] == sip && services[i] == service
                && serverPorts[i] == sport) {
                hint = i;
                foundOpcode = opcodes[i];
                return true;
            }
            if (++i >= CACHE_SIZE) i = 0;
        } while (i != hint);
        return false;
    }
}
