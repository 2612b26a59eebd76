package dev.fabricscope.print;

import static dev.fabricscope.print.RxCalls.HEADER;

/**
 * The replies print-rx.c decodes once it has matched them to a call (the opcode comes from the call): data packets by
 * opcode, aborts by their error code. The reader stands at the Rx header.
 */
final class RxReplies {
    private static final int DATA = 1;
    private static final int AFSNAMEMAX = 256, VLNAMEMAX = 65;

    private RxReplies() { }

    /** The packet type, and the reader moved past the header. */
    private static int type(RxReader r) {
        int type = r.u8(r.pos + 20);
        r.pos += HEADER;
        return type;
    }

    private static void errcode(RxReader r) {
        r.signed(" errcode");
    }

    /** Decodes a data reply's arguments by opcode; the reader stands past the Rx header. */
    @FunctionalInterface
    private interface DataReply {
        void print(RxReader r, long op);
    }

    /**
     * A data reply's arguments by {@code data}, any other packet type its error code; a failed check prints the
     * service's {@code truncated} marker (tcpdump's goto trunc), a failed fetch goes on up.
     */
    private static void dataOrErrcode(RxReader r, long op, String truncated, DataReply data) {
        int type = type(r);
        try {
            if (type != DATA) errcode(r);
            else data.print(r, op);
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(truncated);
        }
    }

    /**
     * The start of a reply from a service that also answers Ubik calls: its {@code service} name, then for a Ubik
     * opcode the whole Ubik reply (true: nothing more to print), else " reply" and the call's name.
     */
    private static boolean ubikReplied(RxReader r, long op, String service, String callName) {
        r.out.append(service);
        if (RxCalls.isUbik(op)) {
            ubik(r, op);
            return true;
        }
        RxCalls.name(r.out.append(" reply "), callName, op);
        return false;
    }

    static void fs(RxReader r, int length, long op) {
        if (length <= HEADER) return;
        RxCalls.name(r.out.append(" fs reply "), RxNames.fs(op), op);
        int type = type(r);
        try {
            if (type == DATA) {
                switch ((int) op) {
                    case 131 -> r.acl.opaque(r);
                    case 137, 141 -> {
                        r.out.append(" new");
                        r.fid();
                    }
                    case 151 -> {
                        r.out.append(" root volume");
                        r.string(AFSNAMEMAX);
                    }
                    case 153 -> r.date();
                    default -> { }
                }
            } else if (type == 4) {
                int error = (int) r.u32();
                String name = RxNames.fsError(error);
                r.out.append(" error ");
                if (name != null) r.out.append(name);
                else r.out.append('#').append(error);
            } else {
                r.out.append(" strange fs reply of type ").append(type);
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|fs]");
        }
    }

    static void cb(RxReader r, int length, long op) {
        if (length <= HEADER) return;
        RxCalls.name(r.out.append(" cb reply "), RxNames.cb(op), op);
        dataOrErrcode(r, op, " [|cb]", (reader, code) -> {
            if (code == 213) reader.afsUuid();
        });
    }

    static void pt(RxReader r, int length, long op) {
        if (length < HEADER || ubikReplied(r, op, " pt", RxNames.pt(op))) return;
        dataOrErrcode(r, op, " [|pt]", RxReplies::ptData);
    }

    private static void ptData(RxReader r, long op) {
        switch ((int) op) {
            case 504 -> {
                r.out.append(" ids:");
                RxCalls.signedList(r);
            }
            case 505 -> RxCalls.names(r);
            case 508, 514, 517, 518, 519 -> RxCalls.signedList(r);
            case 510 -> {
                r.signed(" maxuid");
                r.signed(" maxgid");
            }
            default -> { }
        }
    }

    static void vldb(RxReader r, int length, long op) {
        if (length < HEADER || ubikReplied(r, op, " vldb", RxNames.vldb(op))) return;
        dataOrErrcode(r, op, " [|vldb]", RxReplies::vldbData);
    }

    private static void vldbData(RxReader r, long op) {
        switch ((int) op) {
            case 510 -> {
                countAndNext(r);
                entry(r, 8, true);
            }
            case 503, 504 -> entry(r, 8, true);
            case 505 -> r.unsigned(" newvol");
            case 521, 529 -> {
                countAndNext(r);
                entry(r, 13, false);
            }
            case 518, 519 -> entry(r, 13, false);
            case 526, 527 -> uuidEntry(r);
            default -> { }
        }
    }

    private static void countAndNext(RxReader r) {
        r.signed(" count");
        r.signed(" nextindex");
    }

    /** A VLDB entry with {@code slots} servers by address; the old form checks a word it then skips. */
    private static void entry(RxReader r, int slots, boolean old) {
        r.vector(VLNAMEMAX);
        if (old) {
            r.check(4);
            r.pos += 4;
        }
        long servers = numservers(r);
        for (int i = 0; i < slots; i++) {
            r.check(4);
            if (i < servers) Text.ipv4(r.out.append(' '), r.p, r.pos);
            r.pos += 4;
        }
        partitionsAndVolumes(r, slots, servers);
    }

    private static long numservers(RxReader r) {
        r.out.append(" numservers");
        long servers = r.u32();
        r.out.append(' ');
        Text.u32(r.out, servers);
        r.out.append(" servers");
        return servers;
    }

    private static void partitionsAndVolumes(RxReader r, int slots, long servers) {
        r.out.append(" partitions");
        for (int i = 0; i < slots; i++) {
            long j = r.u32();
            if (i < servers && j <= 26) r.out.append(' ').append((char) ('a' + j));
            else if (i < servers) Text.u32(r.out.append(' '), j);
        }
        r.check(4L * slots);
        r.pos += 4 * slots;
        r.unsigned(" rwvol");
        r.unsigned(" rovol");
        r.unsigned(" backup");
    }

    /** The U form: servers by UUID, then a skipped word per slot. */
    private static void uuidEntry(RxReader r) {
        r.vector(VLNAMEMAX);
        long servers = numservers(r);
        for (int i = 0; i < 13; i++) {
            if (i < servers) {
                r.out.append(" afsuuid");
                r.afsUuid();
            } else {
                r.check(44);
                r.pos += 44;
            }
        }
        r.check(4 * 13);
        r.pos += 4 * 13;
        partitionsAndVolumes(r, 13, servers);
    }

    static void kauth(RxReader r, int length, long op) {
        if (length <= HEADER) return;
        if (ubikReplied(r, op, " kauth", RxNames.kauth(op))) return;
        if (type(r) != DATA) errcode(r);
    }

    static void vol(RxReader r, int length, long op) {
        if (length <= HEADER) return;
        RxCalls.name(r.out.append(" vol reply "), RxNames.vol(op), op);
        dataOrErrcode(r, op, " [|vol]", RxReplies::volData);
    }

    private static void volData(RxReader r, long op) {
        switch ((int) op) {
            case 100 -> {
                r.unsigned(" volid");
                r.unsigned(" trans");
            }
            case 104, 107 -> r.unsigned();
            case 105 -> r.unsigned(" newvol");
            case 108 -> r.unsigned(" trans");
            case 110 -> {
                r.unsigned(" volume");
                r.unsigned(" partition");
            }
            case 112 -> r.string(AFSNAMEMAX);
            case 113 -> status(r);
            case 116, 121 -> {
                long n = r.u32();
                for (long i = 0; i < n; i++) {
                    r.out.append(" name");
                    r.vector(32);
                    r.unsigned(" volid");
                    r.out.append(" type");
                    r.skip(4 * 21);
                    if (i != n - 1) r.out.append(',');
                }
                if (n == 0) r.out.append(" <none!>");
            }
            default -> { }
        }
    }

    private static final String[] STATUS_NUMBERS = {" volid", " nextuniq", " type", " parentid", " clone", " backup",
        " restore", " maxquota", " minquota", " owner"};
    private static final String[] STATUS_DATES = {" create", " access", " update", " expire", " backup", " copy"};

    private static void status(RxReader r) {
        for (String field : STATUS_NUMBERS) {
            r.out.append(field);
            r.unsigned();
        }
        for (String field : STATUS_DATES) {
            r.out.append(field);
            r.date();
        }
    }

    static void bos(RxReader r, int length, long op) {
        if (length <= HEADER) return;
        RxCalls.name(r.out.append(" bos reply "), RxNames.bos(op), op);
        if (type(r) != DATA) errcode(r);
    }

    /** A Ubik reply: a data packet to a beacon is a no vote, an abort to it a yes until a date. */
    private static void ubik(RxReader r, long op) {
        RxCalls.name(r.out.append(" ubik reply "), RxNames.ubik(op), op);
        int type = type(r);
        try {
            if (type == DATA) {
                if (op == 10000) {
                    r.out.append(" vote no");
                } else if (op == 20004) {
                    r.out.append(" dbversion");
                    r.ubikVersion();
                }
            } else if (op == 10000) {
                r.date(" vote yes until");
            } else {
                errcode(r);
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|ubik]");
        }
    }
}
