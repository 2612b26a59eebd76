package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco IGRP (IP protocol 9) as tcpdump 4.99 prints it (print-igrp.c): {@code igrp: update V1 edit=3 AS=100
 * (1/2/0)} (-v the checksum too), then each 14-byte route, interior ("*.a.b.c"), system ("a.b.c.0") or exterior
 * ("Xa.b.c.0") by the header's counts, with its delay, bandwidth, reliability, load, composite metric, MTU and hop
 * count; bytes no count covers are "[extra bytes N]", and counts or bytes left over end the line with " (invalid)".
 * Fetches past the capture end it with " [|igrp]".
 */
final class IgrpFormatter {
    static final int PROTOCOL = 9;
    private static final int HEADER = 12, ROUTE = 14;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    IgrpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The message at {@code off}, {@code length} bytes of IP payload taken unsigned (tcpdump's u_int: an IPv6
     * jumbogram's passes 2^31); {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "igrp");
        }
    }

    private void message(int bp, int length, StringBuilder out) {
        out.append("igrp:");
        int interior = bytes.u16(bp + 4), system = bytes.u16(bp + 6), exterior = bytes.u16(bp + 8);
        int first = bytes.u8(bp), edition = bytes.u8(bp + 1), as = bytes.u16(bp + 2);
        int opcode = first & 0x0f;
        out.append(' ');
        if (opcode == 1) out.append("update");
        else if (opcode == 2) out.append("request");
        else out.append("op-#").append(opcode);
        out.append(" V").append(first >>> 4).append(" edit=").append(edition).append(" AS=").append(as).append(" (")
            .append(interior).append('/').append(system).append('/').append(exterior).append(')');
        int checksum = bytes.u16(bp + 10);
        if (verbosity.verbose()) {
            out.append(" checksum=0x");
            Text.hex(out, checksum, 4);
        }
        long left = (Integer.toUnsignedLong(length) - HEADER) & 0xffffffffL;   // tcpdump's unsigned arithmetic
        int cp = bp + HEADER;
        while (left >= ROUTE) {
            int net0 = bytes.u8(cp), net1 = bytes.u8(cp + 1), net2 = bytes.u8(cp + 2);
            if (interior > 0) {
                out.append(" *.").append(net0).append('.').append(net1).append('.').append(net2);
                route(cp, out);
                interior--;
            } else if (system > 0) {
                out.append(' ').append(net0).append('.').append(net1).append('.').append(net2).append(".0");
                route(cp, out);
                system--;
            } else if (exterior > 0) {
                out.append(" X").append(net0).append('.').append(net1).append('.').append(net2).append(".0");
                route(cp, out);
                exterior--;
            } else {
                out.append(" [extra bytes ").append(left).append(']');
                break;
            }
            cp += ROUTE;
            left -= ROUTE;
        }
        if (interior != 0 || system != 0 || exterior != 0 || left != 0) out.append(" (invalid)");
    }

    private void route(int cp, StringBuilder out) {
        long delay = bytes.u24(cp + 3), bandwidth = bytes.u24(cp + 6);
        long metric = Math.min(bandwidth + delay, 0xffffff);
        int mtu = bytes.u16(cp + 9);
        int reliability = bytes.u8(cp + 11), load = bytes.u8(cp + 12), hops = bytes.u8(cp + 13);
        out.append(" d=").append(10 * delay).append(" b=").append(bandwidth == 0 ? 0 : 10000000 / bandwidth)
            .append(" r=").append(reliability).append(" l=").append(load).append(" M=").append(metric)
            .append(" mtu=").append(mtu).append(" in ").append(hops).append(" hops");
    }
}
