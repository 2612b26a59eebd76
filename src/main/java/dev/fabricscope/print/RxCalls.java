package dev.fabricscope.print;

/**
 * The AFS calls print-rx.c decodes, by service (the server's port): the opcode's name and the arguments it knows.
 * The reader stands at the Rx header; a failed check prints the service's marker, a failed fetch goes up.
 */
final class RxCalls {
    static final int HEADER = 28;
    private static final int AFSNAMEMAX = 256, PRNAMEMAX = 64, VLNAMEMAX = 65, KANAMEMAX = 64, BOSNAMEMAX = 256;
    private static final String[] VOLTYPES = {"read-write", "read-only", "backup"};

    private RxCalls() { }

    static boolean isUbik(long op) {
        return op >= 10000 && op <= 10007 || op >= 20000 && op <= 20013;
    }

    static void name(StringBuilder out, String name, long op) {
        if (name != null) {
            out.append(name);
        } else {
            Text.u32(out.append("op#"), op);
        }
    }

    /** The opcode after the header; the caller made sure the length goes past the header. */
    private static long opcode(RxReader r) {
        r.pos += HEADER;
        return r.u32();
    }

    static void fs(RxReader r, int length) {
        if (length <= HEADER) return;
        long op = opcode(r);
        name(r.out.append(" fs call "), RxNames.fs(op), op);
        try {
            switch ((int) op) {
                case 130 -> {
                    r.fid();
                    r.unsigned(" offset");
                    r.unsigned(" length");
                }
                case 131, 132, 143, 144, 145, 156, 157, 158 -> r.fid();
                case 135 -> {
                    r.fid();
                    r.storeStatus();
                }
                case 133 -> {
                    r.fid();
                    r.storeStatus();
                    r.unsigned(" offset");
                    r.unsigned(" length");
                    r.unsigned(" flen");
                }
                case 134 -> {
                    r.fid();
                    r.acl.opaque(r);
                }
                case 137, 141 -> {
                    r.fid();
                    r.string(AFSNAMEMAX);
                    r.storeStatus();
                }
                case 136, 142 -> {
                    r.fid();
                    r.string(AFSNAMEMAX);
                }
                case 138 -> {
                    r.out.append(" old");
                    r.fid();
                    r.string(AFSNAMEMAX);
                    r.out.append(" new");
                    r.fid();
                    r.string(AFSNAMEMAX);
                }
                case 139 -> {
                    r.fid();
                    r.string(AFSNAMEMAX);
                    r.out.append(" link to");
                    r.string(AFSNAMEMAX);
                }
                case 140 -> {
                    r.fid();
                    r.string(AFSNAMEMAX);
                    r.out.append(" link to");
                    r.fid();
                }
                case 148 -> r.string(AFSNAMEMAX);
                case 149, 150 -> r.unsigned(" volid");
                case 154 -> {
                    r.out.append(" volname");
                    r.string(AFSNAMEMAX);
                }
                case 155, 65536 -> fids(r);
                case 65537 -> {
                    r.fid();
                    r.unsigned64(" offset");
                    r.unsigned64(" length");
                }
                case 65538 -> {
                    r.fid();
                    r.storeStatus();
                    r.unsigned64(" offset");
                    r.unsigned64(" length");
                    r.unsigned64(" flen");
                }
                case 65541 -> r.unsigned(" addr");
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|fs]");
        }
    }

    /** A counted list of fids, comma-separated, or "<none!>". */
    private static void fids(RxReader r) {
        long n = r.u32();
        for (long i = 0; i < n; i++) {
            r.fid();
            if (i != n - 1) r.out.append(',');
        }
        if (n == 0) r.out.append(" <none!>");
    }

    static void cb(RxReader r, int length) {
        if (length <= HEADER) return;
        long op = opcode(r);
        name(r.out.append(" cb call "), RxNames.cb(op), op);
        try {
            if (op == 204) {
                fids(r);
                long n = r.u32();
                if (n != 0) r.out.append(';');
                for (long i = 0; i < n; i++) {
                    r.signed(" ver");
                    r.date(" expires");
                    r.u32();   // the callback type: tcpdump looks its name up and prints nothing
                }
            } else if (op == 214) {
                r.out.append(" afsuuid");
                r.afsUuid();
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|cb]");
        }
    }

    static void pt(RxReader r, int length) {
        if (length <= HEADER) return;
        int header = r.pos;
        long op = opcode(r);
        r.out.append(" pt");
        if (isUbik(op)) {
            r.pos = header;
            ubik(r);
            return;
        }
        name(r.out.append(" call "), RxNames.pt(op), op);
        try {
            switch ((int) op) {
                case 500 -> {
                    r.string(PRNAMEMAX);
                    r.signed(" id");
                    r.signed(" oldid");
                }
                case 501, 506, 508, 512, 514, 517, 518, 519, 530 -> r.signed(" id");
                case 502 -> r.signed(" pos");
                case 503, 507, 515 -> {
                    r.signed(" uid");
                    r.signed(" gid");
                }
                case 504 -> names(r);
                case 505 -> {
                    r.out.append(" ids:");
                    signedList(r);
                }
                case 509 -> {
                    r.string(PRNAMEMAX);
                    r.signed(" flag");
                    r.signed(" oid");
                }
                case 511 -> {
                    r.signed(" id");
                    r.signed(" gflag");
                }
                case 513 -> {
                    r.signed(" id");
                    r.string(PRNAMEMAX);
                    r.signed(" oldid");
                    r.signed(" newid");
                }
                case 520 -> {
                    r.signed(" id");
                    r.string(PRNAMEMAX);
                }
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|pt]");
        }
    }

    /** A counted list of protection-server names, a character a word. */
    static void names(RxReader r) {
        long n = r.u32();
        for (long i = 0; i < n; i++) r.vector(PRNAMEMAX);
        if (n == 0) r.out.append(" <none!>");
    }

    /** A counted list of signed words, or "<none!>". */
    static void signedList(RxReader r) {
        long n = r.u32();
        for (long i = 0; i < n; i++) r.signed();
        if (n == 0) r.out.append(" <none!>");
    }

    static void vldb(RxReader r, int length) {
        if (length <= HEADER) return;
        int header = r.pos;
        long op = opcode(r);
        r.out.append(" vldb");
        if (isUbik(op)) {
            r.pos = header;
            ubik(r);
            return;
        }
        name(r.out.append(" call "), RxNames.vldb(op), op);
        try {
            switch ((int) op) {
                case 501, 517 -> r.vector(VLNAMEMAX);
                case 502, 503, 507, 508, 509, 518 -> volume(r);
                case 504, 519, 524, 527 -> r.string(VLNAMEMAX);
                case 505 -> r.signed(" bump");
                case 506, 520 -> {
                    volume(r);
                    r.vector(VLNAMEMAX);
                }
                case 510, 521 -> r.signed(" index");
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|vldb]");
        }
    }

    /** A volume id and its type, named when it is one of the three. */
    private static void volume(RxReader r) {
        r.signed(" volid");
        long type = r.u32();
        if (type <= 2) r.out.append(" type ").append(VOLTYPES[(int) type]);
    }

    static void kauth(RxReader r, int length) {
        if (length <= HEADER) return;
        int header = r.pos;
        long op = opcode(r);
        r.out.append(" kauth");
        if (isUbik(op)) {
            r.pos = header;
            ubik(r);
            return;
        }
        name(r.out.append(" call "), RxNames.kauth(op), op);
        try {
            switch ((int) op) {
                case 1, 21, 22, 2, 5, 6, 7, 8, 14, 15 -> principal(r);
                case 3, 23 -> {
                    r.signed(" kvno");
                    r.out.append(" domain");
                    r.string(KANAMEMAX);
                    long n = r.u32();
                    r.check(n);
                    r.skip(n);
                    principal(r);
                }
                case 4 -> {
                    principal(r);
                    r.signed(" kvno");
                }
                case 12 -> {
                    r.out.append(" name");
                    r.string(KANAMEMAX);
                }
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|kauth]");
        }
    }

    private static void principal(RxReader r) {
        r.out.append(" principal");
        r.string(KANAMEMAX);
        r.string(KANAMEMAX);
    }

    static void vol(RxReader r, int length) {
        if (length <= HEADER) return;
        long op = opcode(r);
        name(r.out.append(" vol call "), RxNames.vol(op), op);
        try {
            switch ((int) op) {
                case 100 -> {
                    r.unsigned(" partition");
                    r.out.append(" name");
                    r.string(AFSNAMEMAX);
                    r.unsigned(" type");
                    r.unsigned(" parent");
                }
                case 101, 107, 104 -> r.unsigned(" trans");
                case 102 -> {
                    r.unsigned(" totrans");
                    r.unsigned(" flags");
                }
                case 103 -> {
                    fromDate(r);
                    r.destServer();
                    r.signed(" desttrans");
                }
                case 105 -> {
                    r.unsigned(" trans");
                    r.unsigned(" purgevol");
                    r.unsigned(" newtype");
                    r.out.append(" newname");
                    r.string(AFSNAMEMAX);
                }
                case 106 -> {
                    r.unsigned(" trans");
                    r.unsigned(" flags");
                }
                case 108 -> {
                    r.unsigned(" vol");
                    r.unsigned(" partition");
                    r.unsigned(" flags");
                }
                case 109, 655537 -> fromDate(r);
                case 110 -> r.unsigned(" index");
                case 111 -> {
                    r.unsigned(" tid");
                    r.unsigned(" newsite");
                }
                case 112, 113 -> r.out.append(" tid");
                case 114 -> {
                    r.out.append(" name");
                    r.string(AFSNAMEMAX);
                    r.unsigned(" type");
                    r.unsigned(" pid");
                    r.unsigned(" cloneid");
                }
                case 116 -> {
                    r.unsigned(" partition");
                    r.unsigned(" flags");
                }
                case 117 -> {
                    r.unsigned(" tid");
                    r.out.append(" name");
                    r.string(AFSNAMEMAX);
                    r.unsigned(" type");
                    r.unsigned(" pid");
                    r.unsigned(" clone");
                    r.unsigned(" backup");
                }
                case 119 -> {
                    r.out.append(" name");
                    r.string(AFSNAMEMAX);
                }
                case 120, 126 -> r.unsigned(" tid");
                case 121, 122, 124, 125, 65536 -> {
                    r.unsigned(" partid");
                    r.unsigned(" volid");
                }
                case 123 -> {
                    r.unsigned(" tid");
                    r.date(" date");
                }
                case 128 -> {
                    fromDate(r);
                    long n = r.u32();
                    for (long i = 0; i < n; i++) {
                        r.destServer();
                        if (i != n - 1) r.out.append(',');
                    }
                    if (n == 0) r.out.append(" <none!>");
                }
                case 65538 -> {
                    fromDate(r);
                    r.unsigned(" flags");
                }
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|vol]");
        }
    }

    private static void fromDate(RxReader r) {
        r.unsigned(" fromtrans");
        r.date(" fromdate");
    }

    static void bos(RxReader r, int length) {
        if (length <= HEADER) return;
        long op = opcode(r);
        name(r.out.append(" bos call "), RxNames.bos(op), op);
        try {
            switch ((int) op) {
                case 80 -> {
                    r.out.append(" type");
                    r.string(BOSNAMEMAX);
                    r.out.append(" instance");
                    r.string(BOSNAMEMAX);
                }
                case 81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114 -> r.string(BOSNAMEMAX);
                case 82, 98 -> {
                    r.string(BOSNAMEMAX);
                    r.signed(" status");
                }
                case 86 -> {
                    r.string(BOSNAMEMAX);
                    r.signed(" num");
                }
                case 84, 89, 90, 91, 92, 95 -> r.signed();
                case 105 -> {
                    r.string(BOSNAMEMAX);
                    r.signed(" size");
                    r.signed(" flags");
                    r.signed(" date");
                }
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|bos]");
        }
    }

    /** A Ubik call to any of the replicated databases; the reader stands at the Rx header. */
    static void ubik(RxReader r) {
        long op = opcode(r);
        name(r.out.append(" ubik call "), RxNames.ubik(op), op);
        try {
            switch ((int) op) {
                case 10000 -> {
                    boolean syncSite = r.u32() != 0;
                    r.out.append(" syncsite ").append(syncSite ? "yes" : "no");
                    r.date(" votestart");
                    r.out.append(" dbversion");
                    r.ubikVersion();
                    r.out.append(" tid");
                    r.ubikVersion();
                }
                case 10003 -> r.unsigned(" site");
                case 20000, 20001, 20007, 20008, 20010 -> {
                    r.out.append(" tid");
                    r.ubikVersion();
                }
                case 20002 -> {
                    r.out.append(" tid");
                    r.ubikVersion();
                    r.signed(" file");
                    r.signed(" pos");
                    r.signed(" length");
                    r.u32();   // the lock type: looked up, not printed
                }
                case 20003 -> {
                    r.out.append(" tid");
                    r.ubikVersion();
                    r.signed(" file");
                    r.signed(" pos");
                }
                case 20005 -> r.signed(" file");
                case 20006 -> {
                    r.signed(" file");
                    r.signed(" length");
                    r.out.append(" dbversion");
                    r.ubikVersion();
                }
                case 20009 -> {
                    r.out.append(" tid");
                    r.ubikVersion();
                    r.signed(" file");
                    r.signed(" length");
                }
                case 20012 -> {
                    r.out.append(" tid");
                    r.ubikVersion();
                    r.out.append(" oldversion");
                    r.ubikVersion();
                    r.out.append(" newversion");
                    r.ubikVersion();
                }
                default -> { }
            }
        } catch (RxReader.Jump j) {
            if (j != r.checkFailed) throw j;
            r.out.append(" [|ubik]");
        }
    }
}
