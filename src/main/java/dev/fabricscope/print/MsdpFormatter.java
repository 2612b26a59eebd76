package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * The Multicast Source Discovery Protocol (RFC 3618; TCP 639) as tcpdump 4.99's print-msdp.c: ": msdp" after the
 * TCP fields, then each TLV of the segment (" SA 2 entries", " SA-Request for 224.1.2.3", " Keepalive", ...), its
 * length with -v (always when over 1400); an SA that carries a multicast packet says " [w/data]" and with -vv prints
 * that packet as an IPv4 one. A first TLV of no known type or an odd length, or one longer than the rest of the
 * segment, ends the line with " [|msdp]" (no jump); fetches past the capture jump ({@link EarlyEnd}).
 */
final class MsdpFormatter {
    static final int PORT = 639;
    private static final int HEADER = 3, SA_HEADER = 8, SA_ENTRY = 12, MAX_TYPE = 7;
    private static final int SA = 1, SA_REQUEST = 2, SA_RESPONSE = 3, KEEPALIVE = 4, NOTIFICATION = 5;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /** tcpdump's ndo_protocol: the name a marker prints. */
    private String protocol;
    /** Calls of {@link #format}: a change across a carried packet means that packet was MSDP printed here too. */
    private int calls;

    MsdpFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The TCP payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append(": msdp");
        protocol = "msdp";
        calls++;
        try (var _ = bytes.reading(p, end)) {
            tlvs(p, off, length, end, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol);
        }
    }

    private void tlvs(Packet p, int at, int length, int end, StringBuilder out) {
        // tcpdump first checks the segment starts like MSDP at all
        int type = bytes.u8(at);
        int len = bytes.u16(at + 1);
        if (len > 1500 || len < HEADER || type == 0 || type > MAX_TYPE) {
            out.append(" [|msdp]");
            return;
        }
        while (length != 0) {
            type = bytes.u8(at);
            len = bytes.u16(at + 1);
            if (len > 1400 || verbosity.verbose()) out.append(" [len ").append(len).append(']');
            if (len < HEADER || length < len) {
                out.append(" [|").append(protocol).append(']');
                return;
            }
            int body = at + HEADER;
            switch (type) {
                case SA, SA_RESPONSE -> {
                    out.append(type == SA ? " SA" : " SA-Response");
                    int entries = bytes.u8(body);
                    out.append(' ').append(entries).append(" entries");
                    int data = entries * SA_ENTRY + SA_HEADER;
                    if (data < len) {
                        out.append(" [w/data]");
                        if (verbosity.veryVerbose()) {
                            int printedFrom = out.append(' ').length();
                            int callsBefore = calls;
                            // one starting past the capture gets an empty view (PacketPrinter.innerView)
                            inner.print(p, at + data, len - data, Math.max(0, end - at - data), LinkType.IPV4, out);
                            // the carried packet's printer gave up on a fetch: tcpdump's jump ends the whole line
                            if (earlyEnd.happened()) return;
                            if (calls == callsBefore) {
                                // tcpdump's ndo_protocol as the carried packet's printers left it
                                String marked = CarriedProtocol.fromMarker(out, printedFrom);
                                protocol = marked != null ? marked
                                    : CarriedProtocol.ipv4(p, at + data, len - data, end, verbosity.verbose());
                            } else {
                                // a carried MSDP segment came back here: it left its reader cleared, and its last
                                // name in protocol, as tcpdump's global ndo_protocol holds it
                                bytes.set(p, end);
                            }
                        }
                    }
                }
                case SA_REQUEST -> {
                    out.append(" SA-Request");
                    bytes.need(body + 1, 4);   // fetched before " for " is printed
                    bytes.ip4(out.append(" for "), body + 1);
                }
                case KEEPALIVE -> {
                    out.append(" Keepalive");
                    if (len != HEADER) out.append("[len=").append(len).append("] ");
                }
                case NOTIFICATION -> out.append(" Notification");
                default -> out.append(" [type=").append(type).append(" len=").append(len).append(']');
            }
            at += len;
            length -= len;
        }
    }
}
