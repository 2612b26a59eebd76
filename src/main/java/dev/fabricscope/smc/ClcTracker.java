package dev.fabricscope.smc;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.tcp.TcpCloseReason;
import dev.fabricscope.tcp.TcpFlow;
import dev.fabricscope.tcp.TcpReassembler;
import dev.fabricscope.tcp.TcpReassemblyOptions;
import dev.fabricscope.tcp.TcpReassemblyStats;
import dev.fabricscope.tcp.TcpSegment;
import dev.fabricscope.tcp.TcpStreamListener;
import dev.fabricscope.tcp.TcpTrackDecision;

/**
 * Decides which TCP connections carry a CLC handshake, reassembles them, and frames their CLC messages
 * ({@link ClcStreamFramer}, one per direction) for a {@link ClcListener}.
 *
 * <p>Followed: connections whose SYN carries the SMC option (TCP option kind 254, length 6,
 * {@code E2 D4 C3 D9}); with {@link ClcTrackingRule#SYN_OPTION_OR_EYECATCHER} also connections whose SYN is
 * not captured when their first payload seen starts with an eyecatcher. Dropped as soon as possible: a
 * SYN-ACK without the option (SMC not agreed), a Decline (fallback to TCP), or both directions done (each
 * read on its own, as smc-clc reads them, until plain data, a message that cannot be framed or a gap).
 * Packets of connections not followed allocate nothing.
 *
 * <p>Feed every packet, dissected, to {@link #packet}; call {@link #finish} at the end of the capture.
 */
public final class ClcTracker {
    public static final int SMC_OPTION_KIND = 254;
    public static final int SMC_OPTION_LENGTH = 6;
    public static final int SMC_OPTION_VALUE = ClcStreamFramer.EYECATCHER_SMC_R;

    /** Per-connection state. */
    static final class Connection {
        final ClcStreamFramer[] framers = {new ClcStreamFramer(), new ClcStreamFramer()};
        boolean synOption;
        boolean synAckOption;
        boolean declined;
        boolean malformed;
        boolean reported;
    }

    private final ClcListener listener;
    private final ClcTrackingRule rule;
    private final TcpReassembler<Connection> reassembler;
    private final Streams streams = new Streams();
    private long messages;
    private long problems;
    private long noClc;
    /** The last packet is one a saved capture needs ({@link #packetToSave}). */
    private boolean toSave;
    /** The frame being fed (the one that closes a connection, in {@link Streams#closed}). */
    private long frame;

    public ClcTracker(ClcListener listener, ClcTrackingRule rule, TcpReassemblyOptions tcpOptions) {
        this.listener = listener;
        this.rule = rule;
        this.reassembler = new TcpReassembler<>(tcpOptions, streams);
    }

    /** smc-clc's rule plus eyecatcher recognition, default TCP bounds. */
    public ClcTracker(ClcListener listener) {
        this(listener, ClcTrackingRule.SYN_OPTION_OR_EYECATCHER, TcpReassemblyOptions.DEFAULTS);
    }

    /** One packet, already dissected into {@code layers}. */
    public void packet(Packet packet, Layers layers) {
        toSave = false;
        frame = packet.frameNumber();
        reassembler.packet(packet, layers);
    }

    /**
     * Whether a saved capture needs the last packet so that smc-clc itself (which starts at the SYN) decodes it
     * again: the SYN with the SMC option and the SYN-ACK of a connection followed, or a segment with payload in a
     * direction still reading CLC. The latter are all the pieces of a message split over segments, held out of
     * order or sent again, not only the segment that completes it. Also what ends a followed connection, so that
     * read back it ends the same way ({@code fabricscope smc}): a SYN-ACK without the option (not echoed, rather
     * than no SYN-ACK), a FIN or RST (end: fin or rst, rather than capture_end).
     */
    public boolean packetToSave() {
        return toSave;
    }

    /**
     * End of capture: forgets the remaining connections ({@link ClcListener#ended} with END_OF_CAPTURE); the "no CLC"
     * report only for a connection of which one direction already spoke plain TCP, the rest are incomplete.
     */
    public void finish() {
        reassembler.finish();
    }

    public TcpReassemblyStats tcpStats() { return reassembler.stats(); }
    /** CLC messages handed to the listener. */
    public long messages() { return messages; }
    /** Calls of {@link ClcListener#malformed}. */
    public long problems() { return problems; }
    /** Calls of {@link ClcListener#noClc}. */
    public long noClcReports() { return noClc; }

    static boolean hasSmcOption(TcpSegment s) {
        return s.hasOption(SMC_OPTION_KIND, SMC_OPTION_LENGTH, SMC_OPTION_VALUE);
    }

    /** First bytes of the payload (up to 4) are those of an eyecatcher. */
    static boolean startsWithEyecatcher(TcpSegment s) {
        int n = Math.min(4, s.payloadLength());
        for (int i = 0; i < n; i++) {
            int b = s.payloadByte(i);
            if (b != ((ClcStreamFramer.EYECATCHER_SMC_R >>> (24 - 8 * i)) & 0xff)
                && b != ((ClcStreamFramer.EYECATCHER_SMC_D >>> (24 - 8 * i)) & 0xff)) {
                return false;
            }
        }
        return n > 0;
    }

    /** Reports the middlebox symptom once when it applies. */
    private void checkNoClc(TcpFlow<Connection> flow) {
        Connection c = flow.attachment();
        if (c == null || c.reported || !c.synOption || !c.synAckOption || c.declined || c.malformed) return;
        int fromClient = c.framers[0].messages();
        int fromServer = c.framers[1].messages();
        if (fromClient > 0 && fromServer > 0) return;
        c.reported = true;
        noClc++;
        String reason = fromClient + fromServer == 0 ? "SMC option echoed, no CLC"
            : "SMC option echoed, CLC only from the " + (fromClient > 0 ? "client" : "server");
        listener.noClc(flow, reason, flow.lastSeenNanos());
    }

    /** Reassembly callbacks and framer events for the connection being fed. */
    private final class Streams implements TcpStreamListener<Connection>, ClcStreamFramer.Events {
        private TcpFlow<Connection> flow;
        private int direction;

        @Override
        public TcpTrackDecision track(TcpSegment s) {
            if (s.syn()) {
                if (!s.ack()) return hasSmcOption(s) ? TcpTrackDecision.TRACK : TcpTrackDecision.IGNORE_FLOW;
                // a SYN-ACK whose SYN was not captured: the first payload decides
                return rule == ClcTrackingRule.SYN_OPTION ? TcpTrackDecision.IGNORE_FLOW : TcpTrackDecision.SKIP;
            }
            if (rule == ClcTrackingRule.SYN_OPTION) return TcpTrackDecision.IGNORE_FLOW;
            return startsWithEyecatcher(s) ? TcpTrackDecision.TRACK : TcpTrackDecision.IGNORE_FLOW;
        }

        @Override
        public Connection opened(TcpFlow<Connection> f, TcpSegment first) {
            Connection c = new Connection();
            c.synOption = f.synSeen();
            toSave = c.synOption;   // the SYN with the SMC option
            return c;
        }

        @Override
        public void segment(TcpFlow<Connection> f, int dir, TcpSegment s) {
            // payload on the wire: a segment cut short by the snap length is kept too, so the gap reads back as one;
            // FIN and RST: read back, the connection ends as it did (the summary's end: fin, rst)
            if (s.fin() || s.rst() || s.layers().payloadWireLength > 0 && !f.attachment().framers[dir].stopped()) {
                toSave = true;
            }
        }

        @Override
        public void synAck(TcpFlow<Connection> f, TcpSegment synAck) {
            if (!f.synSeen()) return;
            // saved either way: without the option it is the answer "plain TCP" (read back: not echoed, not missing)
            toSave = true;
            if (hasSmcOption(synAck)) {
                f.attachment().synAckOption = true;
            } else {
                reassembler.ignore(f);  // SMC not agreed: no CLC will follow
                listener.ended(f, ClcFlowEnd.NOT_ECHOED, f.lastSeenNanos());
            }
        }

        @Override
        public void data(TcpFlow<Connection> f, int dir, byte[] bytes, int offset, int length, long time,
                         long frame) {
            ClcStreamFramer framer = f.attachment().framers[dir];
            if (framer.stopped()) return;
            flow = f;
            direction = dir;
            framer.feed(bytes, offset, length, time, frame, this);
            afterFeed(f);
        }

        @Override
        public void gap(TcpFlow<Connection> f, int dir, long missing, long time, long frame) {
            ClcStreamFramer framer = f.attachment().framers[dir];
            if (framer.stopped()) return;
            framer.gap();
            f.attachment().malformed = true;
            problems++;
            listener.malformed(f, dir, missing + " bytes of the TCP stream are missing; stopped decoding this direction",
                time, frame);
            afterFeed(f);
        }

        @Override
        public void closed(TcpFlow<Connection> f, TcpCloseReason reason) {
            if (reason == TcpCloseReason.FIN || reason == TcpCloseReason.RST) cutShort(f, reason);
            // at the end of the capture only a direction that already spoke plain TCP tells (else: incomplete)
            if (reason != TcpCloseReason.END_OF_CAPTURE || anyStopped(f)) checkNoClc(f);
            listener.ended(f, switch (reason) {
                case FIN -> ClcFlowEnd.FIN;
                case RST -> ClcFlowEnd.RST;
                case IDLE -> ClcFlowEnd.IDLE;
                case CAPACITY -> ClcFlowEnd.CAPACITY;
                case END_OF_CAPTURE -> ClcFlowEnd.END_OF_CAPTURE;
            }, f.lastSeenNanos());
        }

        /** A connection that ended inside a CLC message (its Length claims more than was sent): malformed. */
        private void cutShort(TcpFlow<Connection> f, TcpCloseReason reason) {
            Connection c = f.attachment();
            if (c == null) return;
            for (int dir = 0; dir < 2; dir++) {
                String pending = c.framers[dir].pendingText();
                if (pending == null) continue;
                c.malformed = true;
                problems++;
                String why = "the connection ended (" + reason + ") after " + pending;
                listener.malformed(f, dir, why, f.lastSeenNanos(), frame);
            }
        }

        private static boolean anyStopped(TcpFlow<Connection> f) {
            Connection c = f.attachment();
            return c != null && (c.framers[0].stopped() || c.framers[1].stopped());
        }

        private void stopFollowing(TcpFlow<Connection> f) {
            reassembler.ignore(f);
            listener.ended(f, ClcFlowEnd.DECIDED, f.lastSeenNanos());
        }

        private void afterFeed(TcpFlow<Connection> f) {
            Connection c = f.attachment();
            if (f.removed()) return;
            if (c.declined) {
                stopFollowing(f);
                return;
            }
            // each direction is read on its own, as smc-clc reads it: plain data or a message that cannot be framed
            // ends that direction only, since the other may still carry CLC (a damaged Proposal is answered by a
            // Decline, a damaged Accept by the client's Decline)
            if (c.framers[0].stopped() && c.framers[1].stopped()) {
                checkNoClc(f);
                stopFollowing(f);
            }
        }

        @Override
        public void message(byte[] bytes, int offset, int length, int type, long time, long frame) {
            if (type == ClcStreamFramer.TYPE_DECLINE) flow.attachment().declined = true;
            messages++;
            listener.message(flow, direction, bytes, offset, length, time, frame);
        }

        @Override
        public void problem(String reason, long time, long frame, boolean stopped) {
            flow.attachment().malformed = true;
            problems++;
            listener.malformed(flow, direction, reason, time, frame);
        }

        @Override
        public void notClc(long time, long frame) {
            // afterFeed decides what the plain data means for the connection
        }
    }
}
