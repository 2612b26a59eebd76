package dev.fabricscope.tcp;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.dissect.TransportKind;

/**
 * Bounded per-direction TCP stream reassembly over dissected packets. For each tracked flow and
 * direction it delivers the stream bytes in order and exactly once: retransmitted and overlapping bytes
 * are trimmed, out-of-order segments are held (bounded per direction and in total; beyond the bound the
 * missing bytes are reported as a gap and the stream resumes at the held data), FIN in both directions
 * or RST closes the flow. The table is capped; idle flows (packet time) and, when full, the least
 * recently active flow are evicted and counted.
 *
 * <p>Which flows to track is the listener's decision ({@link TcpStreamListener#track}); packets of
 * untracked flows cost one hash lookup (plus one in the ignored-flow set) and allocate nothing. Closed,
 * evicted and ignored flows are remembered in a fixed-size set, so late retransmissions do not start
 * them again; a new SYN on the same 4-tuple does.
 *
 * <p>Not thread-safe: one instance per capture loop.
 *
 * @param <A> the listener's per-flow state
 */
public final class TcpReassembler<A> {
    /** A peer's acknowledgment at most this far behind the first segment seen marks the stream start. */
    private static final int MAX_ACK_LEAD = 65_536;

    private final TcpReassemblyOptions options;
    private final TcpStreamListener<A> listener;
    private final TcpFlowTable<A> table;
    private final IgnoredFlows ignored;
    private final TcpSegment segment = new TcpSegment();
    private final int[] dirOut = new int[1];

    // the current packet's key, read once
    private boolean v6;
    private long srcHi, srcLo, dstHi, dstLo;
    private int srcPort, dstPort;
    private long now = Long.MIN_VALUE;

    private long flowsTracked, closedFin, closedRst, evictedIdle, evictedCapacity;
    private long duplicateSegments, outOfOrderSegments, resyncs, bufferedBytes;

    public TcpReassembler(TcpReassemblyOptions options, TcpStreamListener<A> listener) {
        this.options = options;
        this.listener = listener;
        this.table = new TcpFlowTable<>(options.maxFlows());
        this.ignored = new IgnoredFlows(options.ignoredFlowSlots());
    }

    public TcpReassembler(TcpStreamListener<A> listener) {
        this(TcpReassemblyOptions.DEFAULTS, listener);
    }

    /** Handles one packet already dissected into {@code l}; non-TCP packets and IP fragments are skipped. */
    public void packet(Packet p, Layers l) {
        if (l.transportKind != TransportKind.TCP || l.payloadOffset < 0 || l.fragment || l.srcAddrOffset < 0
            || l.dstAddrOffset < 0 || l.tcpSeq < 0) {
            return;
        }
        long t = p.timestampNanos();
        if (t > now) {
            now = t;
            expireIdle();
        }
        if (!readKey(p, l)) return;
        long hash = hash();
        TcpFlow<A> flow = table.find(hash, v6, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, dirOut);
        segment.bind(p, l);
        if (flow == null) {
            boolean syn = (l.tcpFlags & TcpSegment.SYN) != 0;
            if (!syn && l.payloadLength == 0) return;
            // a new SYN is judged again even on a 4-tuple ignored before; its decision replaces the old entry
            // (TRACK: not consulted while tracked, added again when the flow goes; IGNORE_FLOW: added again)
            boolean pureSyn = syn && (l.tcpFlags & TcpSegment.ACK) == 0;
            if (!pureSyn && ignored.contains(hash, now)) return;
            switch (listener.track(segment)) {
                case SKIP -> {
                    if (pureSyn) ignored.remove(hash);
                    return;
                }
                case IGNORE_FLOW -> {
                    ignored.add(hash, now);
                    return;
                }
                case TRACK -> flow = open(hash, pureSyn, p);
            }
            dirOut[0] = 0;
            flow.attachment = listener.opened(flow, segment);
            if (flow.removed) return;
        }
        flow.lastSeenNanos = Math.max(flow.lastSeenNanos, t);
        table.touch(flow);
        listener.segment(flow, dirOut[0], segment);
        handle(flow, dirOut[0], p, l);
    }

    /** Stops tracking {@code flow} without a {@link TcpStreamListener#closed} call; its later packets are skipped. */
    public void ignore(TcpFlow<A> flow) {
        remove(flow, null);
    }

    /** Closes every flow still in the table ({@link TcpCloseReason#END_OF_CAPTURE}). */
    public void finish() {
        while (table.oldest() != null) remove(table.oldest(), TcpCloseReason.END_OF_CAPTURE);
    }

    public TcpReassemblyStats stats() {
        return new TcpReassemblyStats(flowsTracked, table.size(), closedFin, closedRst, evictedIdle, evictedCapacity,
            duplicateSegments, outOfOrderSegments, resyncs, bufferedBytes);
    }

    private TcpFlow<A> open(long hash, boolean pureSyn, Packet p) {
        if (table.size() >= options.maxFlows()) {
            evictedCapacity++;
            remove(table.oldest(), TcpCloseReason.CAPACITY);
        }
        TcpFlow<A> f = new TcpFlow<>(v6, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, hash);
        f.synSeen = pureSyn;
        f.firstFrame = p.frameNumber();
        f.lastSeenNanos = p.timestampNanos();
        table.add(f);
        flowsTracked++;
        return f;
    }

    private void handle(TcpFlow<A> flow, int dir, Packet p, Layers l) {
        int flags = l.tcpFlags;
        if ((flags & TcpSegment.RST) != 0) {
            closedRst++;
            remove(flow, TcpCloseReason.RST);
            return;
        }
        TcpDirection d = flow.directions[dir];
        int seq = (int) l.tcpSeq;
        if ((flags & TcpSegment.SYN) != 0) {
            if (!d.started) d.start(seq + 1);
            if (dir == 1 && (flags & TcpSegment.ACK) != 0 && !flow.synAckSeen) {
                flow.synAckSeen = true;
                listener.synAck(flow, segment);
                if (flow.removed) return;
            }
            seq++;
        }
        if ((flags & TcpSegment.ACK) != 0) {
            d.ackSeen = true;
            d.lastAck = (int) l.tcpAck;
        }
        if (l.payloadWireLength > 0) {
            if (!d.started) d.start(startWithoutSyn(flow.directions[1 - dir], seq));
            deliver(flow, dir, d, seq, p.bytes(), p.offset() + l.payloadOffset, l.payloadLength,
                l.payloadWireLength, p.timestampNanos(), p.frameNumber());
            if (flow.removed) return;
        }
        if ((flags & TcpSegment.FIN) != 0) {
            d.fin = true;
            if (flow.directions[1 - dir].fin) {
                closedFin++;
                remove(flow, TcpCloseReason.FIN);
            }
        }
    }

    /**
     * Where a direction whose SYN was not seen starts: at its first segment, unless the other side has
     * already acknowledged an earlier position (a little ahead of it: the first segment seen is a later
     * piece that overtook the one before it), which is where the missing bytes begin.
     */
    private static int startWithoutSyn(TcpDirection other, int seq) {
        if (other.ackSeen) {
            int ahead = seq - other.lastAck;
            if (ahead > 0 && ahead < MAX_ACK_LEAD) return other.lastAck;
        }
        return seq;
    }

    /** Places {@code len} captured bytes ({@code wireLen} on the wire) of sequence {@code seq}. */
    private void deliver(TcpFlow<A> flow, int dir, TcpDirection d, int seq, byte[] src, int off, int len,
                         int wireLen, long time, long frame) {
        while (true) {
            int delta = seq - d.nextSeq;
            long end = (long) delta + wireLen;
            if (end <= 0) {
                duplicateSegments++;
                return;
            }
            if (delta <= 0) {
                int skip = -delta;
                if (skip < len) {
                    listener.data(flow, dir, src, off + skip, len - skip, time, frame);
                    if (flow.removed) return;
                }
                d.nextSeq += (int) end;
                if (wireLen > len) {
                    // bytes on the wire that the capture cut off: the stream has a hole here
                    resyncs++;
                    listener.gap(flow, dir, wireLen - Math.max(len, skip), time, frame);
                    if (flow.removed) return;
                }
                drain(flow, dir, d, time, frame);
                return;
            }
            if (len < wireLen) {
                duplicateSegments++;  // a cut segment cannot be held: the later overflow resyncs past it
                return;
            }
            long room = options.maxBufferedBytesTotal() - bufferedBytes;
            int grown = d.store(seq, src, off, len, options.maxBufferedBytesPerDirection(),
                options.maxSegmentsPerDirection(), room);
            if (grown >= 0) {
                bufferedBytes += grown;
                outOfOrderSegments++;
                return;
            }
            // over a bound: skip the hole up to the first held segment (or this one) and go on from there
            resyncs++;
            int target = d.segCount > 0 && (d.segSeq[0] - seq) < 0 ? d.segSeq[0] : seq;
            listener.gap(flow, dir, Integer.toUnsignedLong(target - d.nextSeq), time, frame);
            if (flow.removed) return;
            d.nextSeq = target;
            drain(flow, dir, d, time, frame);
            if (flow.removed) return;
        }
    }

    /** Delivers held segments that have become contiguous. */
    private void drain(TcpFlow<A> flow, int dir, TcpDirection d, long time, long frame) {
        while (d.segCount > 0) {
            int delta = d.segSeq[0] - d.nextSeq;
            if (delta > 0) return;
            int len = d.segLen[0];
            int end = delta + len;
            if (end > 0) {
                byte[] arena = d.arena;
                int from = d.segOff[0] - delta;
                d.nextSeq += end;
                bufferedBytes -= d.removeFirst();
                // the arena array stays valid for this call even when the direction released it
                listener.data(flow, dir, arena, from, end, time, frame);
                if (flow.removed) return;
            } else {
                bufferedBytes -= d.removeFirst();
            }
        }
    }

    private void expireIdle() {
        long timeout = options.idleTimeoutNanos();
        TcpFlow<A> f;
        while ((f = table.oldest()) != null && now - f.lastSeenNanos > timeout) {
            evictedIdle++;
            remove(f, TcpCloseReason.IDLE);
        }
    }

    private void remove(TcpFlow<A> flow, TcpCloseReason reason) {
        if (flow.removed) return;
        flow.removed = true;
        table.remove(flow);
        for (TcpDirection d : flow.directions) bufferedBytes -= d.release();
        ignored.add(flow.hash, now);
        if (reason != null) listener.closed(flow, reason);
    }

    private boolean readKey(Packet p, Layers l) {
        int s = l.srcAddrOffset;
        int dd = l.dstAddrOffset;
        if (l.networkKind == NetworkKind.IPV6) {
            if (!p.has(s, 16) || !p.has(dd, 16)) return false;
            v6 = true;
            srcHi = p.u32(s) << 32 | p.u32(s + 4);
            srcLo = p.u32(s + 8) << 32 | p.u32(s + 12);
            dstHi = p.u32(dd) << 32 | p.u32(dd + 4);
            dstLo = p.u32(dd + 8) << 32 | p.u32(dd + 12);
        } else if (l.networkKind == NetworkKind.IPV4) {
            if (!p.has(s, 4) || !p.has(dd, 4)) return false;
            v6 = false;
            srcHi = p.u32(s);
            dstHi = p.u32(dd);
            srcLo = dstLo = 0;
        } else {
            return false;
        }
        srcPort = l.srcPort;
        dstPort = l.dstPort;
        return true;
    }

    /** Same value for both directions: endpoint hashes are combined with a commutative sum. */
    private long hash() {
        long a = mix(srcHi * 0x9E3779B97F4A7C15L ^ srcLo ^ ((long) srcPort << 17));
        long b = mix(dstHi * 0x9E3779B97F4A7C15L ^ dstLo ^ ((long) dstPort << 17));
        return mix(a + b + (v6 ? 1 : 0));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
