package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * SCTP (IP protocol 132) as tcpdump 4.99 prints it (print-sctp.c's sctp_print): "a.1 > b.2: sctp" with the ForCES
 * channel of a ForCES port, then each chunk numbered, " (1) [DATA] ..." (at -vv each on its own line): DATA with
 * its flags, TSN, stream id, stream sequence and payload protocol (-vv adds the payload as hex and ASCII unless -x
 * or -q suppress it), INIT and INIT ACK with tag, window, streams and initial TSN (tcpdump prints no parameters), SACK
 * with its gap blocks and duplicate TSNs; other chunk types by name only. tcpdump verifies no CRC32c. SCTP always
 * prints both addresses (tcpdump's printer takes them from the IP header itself), also after IPv6 extension headers.
 * Where a chunk runs past the capture the line ends with " [|sctp]".
 *
 * A DATA chunk of a ForCES port, or once a chunk with a ForCES payload protocol (21-23) was seen, carries a ForCES
 * message ({@link ForcesFormatter}, at every verbosity).
 *
 * From -vv up, a DATA chunk of payload protocol 3 carries an M3UA message ({@link M3uaFormatter}) in place of the
 * payload dump.
 */
final class SctpFormatter {
    static final int PROTOCOL = 132;
    private static final int HEADER = 12, CHUNK_HEADER = 4;
    private static final int DATA = 0, INIT = 1, INIT_ACK = 2, SACK = 3;
    private static final int FORCES_HP = 6704, FORCES_MP = 6705, FORCES_LP = 6706;
    private static final long PPID_M3UA = 3;

    private final Verbosity verbosity;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes b = new SnapshotBytes();
    private final ForcesFormatter forcesFormatter;
    private final M3uaFormatter m3uaFormatter;

    /** @param defaultPrint tcpdump's default payload dump is on (not -q, -x or -X) */
    SctpFormatter(Verbosity verbosity, boolean defaultPrint, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.forcesFormatter = new ForcesFormatter(verbosity, earlyEnd);
        this.m3uaFormatter = new M3uaFormatter(earlyEnd);
    }

    /** The packet at {@code off}, {@code length} bytes by the IP header, inside {@code ip}. */
    void format(Packet p, IpContext ip, int off, long length, StringBuilder out) {
        if (length < HEADER) {
            out.append("truncated-sctp - ").append(HEADER - length).append(" bytes missing!");
            return;
        }
        try (var _ = b.reading(p, ip.end)) {
            packet(p, ip, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "sctp");
        }
    }

    private void packet(Packet p, IpContext ip, int bp, long length, StringBuilder out) {
        if (!available(bp, HEADER)) {
            out.append(" [|sctp]");
            return;
        }
        int sport = b.u16(bp), dport = b.u16(bp + 2);
        ip.appendAddress(out, p, ip.srcOffset);
        out.append('.').append(sport).append(" > ");
        ip.appendAddress(out, p, ip.dstOffset);
        out.append('.').append(dport).append(": sctp");
        boolean forces = forcesChannel(sport, out) | forcesChannel(dport, out);
        bp += HEADER;
        long remaining = length - HEADER;
        String sep = verbosity.veryVerbose() ? "\n\t" : " (";
        for (int count = 1; remaining != 0; count++) {
            if (remaining < CHUNK_HEADER) {
                out.append(sep).append(count).append(") [chunk descriptor cut off at end of packet]");
                return;
            }
            if (!available(bp, CHUNK_HEADER)) {
                out.append(" [|sctp]");
                return;
            }
            int chunkLength = b.u16(bp + 2);
            if (chunkLength < CHUNK_HEADER) {
                out.append(sep).append(count).append(") [Bad chunk length ").append(chunkLength)
                    .append(", < size of chunk descriptor]");
                return;
            }
            int align = (4 - chunkLength % 4) % 4;
            if (remaining < align) {
                out.append(sep).append(count).append(") [Bad chunk length ").append(chunkLength)
                    .append(", > remaining data in packet]");
                return;
            }
            if (!available(bp, chunkLength)) {
                out.append(" [|sctp]");
                return;
            }
            int type = b.u8(bp), flags = b.u8(bp + 1);
            int body = bp + CHUNK_HEADER, bodyLength = chunkLength - CHUNK_HEADER;
            out.append(sep).append(count).append(") [");
            appendChunkName(out, type);
            out.append("] ");
            switch (type) {
                case DATA -> {
                    if (!data(p, body, bodyLength, chunkLength, flags, forces, out)) return;
                    forces |= isForcesPayload(b.u32(body + 8));
                }
                case INIT, INIT_ACK -> {
                    if (bodyLength < 16) {
                        out.append("bogus chunk length ").append(chunkLength).append(']');
                        return;
                    }
                    out.append("[init tag: ").append(b.u32(body)).append("] [rwnd: ").append(b.u32(body + 4))
                        .append("] [OS: ").append(b.u16(body + 8)).append("] [MIS: ").append(b.u16(body + 10))
                        .append("] [init TSN: ").append(b.u32(body + 12)).append("] ");
                }
                case SACK -> {
                    if (!sack(body, bodyLength, chunkLength, out)) return;
                }
                default -> { }
            }
            bp += chunkLength;
            remaining = (remaining - chunkLength) & 0xffffffffL;   // tcpdump's unsigned count
            if (!verbosity.veryVerbose()) sep = ", (";
            if (align != 0) {
                if (!available(bp, align)) {
                    out.append(" [|sctp]");
                    return;
                }
                bp += align;
                remaining = (remaining - align) & 0xffffffffL;
            }
        }
    }

    /**
     * A DATA chunk's fields and its ForCES message or (at -vv) M3UA message or payload; false where tcpdump stops (a
     * bogus length, a ForCES or M3UA check past the capture).
     */
    private boolean data(Packet p, int body, int bodyLength, int chunkLength, int flags, boolean forces,
                         StringBuilder out) {
        if ((flags & 4) != 0) out.append("(U)");
        if ((flags & 2) != 0) out.append("(B)");
        if ((flags & 1) != 0) out.append("(E)");
        if ((flags & 7) != 0) out.append(' ');
        if (bodyLength < 12) {
            out.append("bogus chunk length ").append(chunkLength).append(']');
            return false;
        }
        long ppid = b.u32(body + 8);
        out.append("[TSN: ").append(b.u32(body)).append("] [SID: ").append(b.u16(body + 4)).append("] [SSEQ ")
            .append(b.u16(body + 6)).append("] [PPID ");
        appendPayloadProtocol(out, ppid);
        out.append("] ");
        int payload = bodyLength - 12;
        if (payload == 0) {
            out.append("bogus chunk length ").append(chunkLength).append(']');
            return false;
        }
        if (forces || isForcesPayload(ppid)) {
            return forcesFormatter.format(p, b.end(), body + 12, payload, out);
        }
        if (verbosity.veryVerbose()) {
            if (ppid == PPID_M3UA) return m3uaFormatter.format(p, b.end(), body + 12, payload, out);
            out.append("[Payload");
            if (defaultPrint) {
                out.append(':');
                HexDump.hexAndAscii(p, body + 12, payload, "\n\t", out);
            }
            out.append(']');
        }
        return true;
    }

    /** A SACK's counters, gap blocks and duplicate TSNs; false where tcpdump stops at a bogus length. */
    private boolean sack(int body, int bodyLength, int chunkLength, StringBuilder out) {
        if (bodyLength < 12) {
            out.append("bogus chunk length ").append(chunkLength).append(']');
            return false;
        }
        long cumulative = b.u32(body);
        int gaps = b.u16(body + 8), duplicates = b.u16(body + 10);
        out.append("[cum ack ").append(cumulative).append("] [a_rwnd ").append(b.u32(body + 4))
            .append("] [#gap acks ").append(gaps).append("] [#dup tsns ").append(duplicates).append("] ");
        int cp = body + 12, left = bodyLength - 12;
        for (int n = 1; left != 0 && n <= gaps; n++, cp += 4, left -= 4) {
            if (left < 4) {
                out.append("bogus chunk length ").append(chunkLength).append(']');
                return false;
            }
            out.append("\n\t\t[gap ack block #").append(n).append(": start = ")
                .append((cumulative + b.u16(cp)) & 0xffffffffL).append(", end = ")
                .append((cumulative + b.u16(cp + 2)) & 0xffffffffL).append("] ");
        }
        for (int n = 1; left != 0 && n <= duplicates; n++, cp += 4, left -= 4) {
            if (left < 4) {
                out.append("bogus chunk length ").append(chunkLength).append(']');
                return false;
            }
            out.append("\n\t\t[dup TSN #").append(n).append(": ").append(b.u32(cp)).append("] ");
        }
        return true;
    }

    private boolean available(int at, int n) {
        return (long) at + n <= b.end();
    }

    private static boolean forcesChannel(int port, StringBuilder out) {
        String name = switch (port) {
            case FORCES_HP -> "ForCES HP";
            case FORCES_MP -> "ForCES MP";
            case FORCES_LP -> "ForCES LP";
            default -> null;
        };
        if (name == null) return false;
        out.append('[').append(name).append(']');
        return true;
    }

    private static boolean isForcesPayload(long ppid) {
        return ppid >= 21 && ppid <= 23;
    }

    private static void appendChunkName(StringBuilder out, int type) {
        String name = switch (type) {
            case 0x00 -> "DATA";
            case 0x01 -> "INIT";
            case 0x02 -> "INIT ACK";
            case 0x03 -> "SACK";
            case 0x04 -> "HB REQ";
            case 0x05 -> "HB ACK";
            case 0x06 -> "ABORT";
            case 0x07 -> "SHUTDOWN";
            case 0x08 -> "SHUTDOWN ACK";
            case 0x09 -> "OP ERR";
            case 0x0a -> "COOKIE ECHO";
            case 0x0b -> "COOKIE ACK";
            case 0x0c -> "ECN ECHO";
            case 0x0d -> "ECN CWR";
            case 0x0e -> "SHUTDOWN COMPLETE";
            case 0xc0 -> "FOR CUM TSN";
            case 0xc1 -> "REL CTRL";
            case 0xc2 -> "REL CTRL ACK";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown chunk type: 0x");
            Text.hex(out, type);
        }
    }

    private static void appendPayloadProtocol(StringBuilder out, long ppid) {
        String name = ppid > 27 ? null : switch ((int) ppid) {
            case 1 -> "ISDN Q.921";
            case 2 -> "M2UA";
            case 3 -> "M3UA";
            case 4 -> "SUA";
            case 5 -> "M2PA";
            case 6 -> "V5.2";
            case 7 -> "H.248";
            case 8 -> "BICC";
            case 9 -> "TALI";
            case 10 -> "DUA";
            case 11 -> "ASAP";
            case 12 -> "ENRP";
            case 13 -> "H.323";
            case 14 -> "Q.IPC";
            case 15 -> "SIMCO";
            case 16 -> "DDPSC";
            case 17 -> "DDPSSC";
            case 18 -> "S1AP";
            case 19 -> "RUA";
            case 20 -> "HNBAP";
            case 21 -> "ForCES HP";
            case 22 -> "ForCES MP";
            case 23 -> "ForCES LP";
            case 24 -> "SBc-AP";
            case 25 -> "NBAP";
            case 27 -> "X2AP";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("0x");
            Text.hex(out, ppid);
        }
    }
}
