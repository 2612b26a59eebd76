package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * NFS over ONC-RPC (RFC 5531 messages carrying RFC 1094 NFSv2 and RFC 1813 NFSv3) as tcpdump 4.99 prints it
 * (print-nfs.c, parsenfsfh.c): a call to port 2049 or a reply from it, over UDP or after TCP's record marker. A call
 * prints its procedure and arguments; a reply prints its status and, when the call was seen, the procedure's
 * results, found through tcpdump's xid map: a ring of the last {@link #XID_MAP_SIZE} calls (xid, client, server,
 * procedure, version), shared by UDP and TCP and kept for the whole run, as tcpdump's static one is. NFSv4 goes
 * through the same code, as in tcpdump (its COMPOUND is procedure 1, printed as v2's getattr).
 *
 * <p>Reads past the captured end end the packet in one of tcpdump's two ways: {@link #HARD} is a fetch that
 * longjmps (always " [|nfs]"), {@link #SOFT} a parser returning NULL (" [|nfs]" unless an error status was printed).
 */
final class NfsFormatter {
    static final int PORT = 2049;
    /** tcpdump's XIDMAPSIZE. */
    static final int XID_MAP_SIZE = 64;
    /** Parser results below zero: a failed fetch (longjmp), or a parser's NULL. */
    private static final int HARD = -2, SOFT = -1;
    /** Beyond any capture: where a skip past a huge length lands (every read there fails). */
    private static final int FAR = 1 << 30;

    private static final int NULL = 0, GETATTR = 1, SETATTR = 2, LOOKUP = 3, ACCESS = 4, READLINK = 5, READ = 6,
        WRITE = 7, CREATE = 8, MKDIR = 9, SYMLINK = 10, MKNOD = 11, REMOVE = 12, RMDIR = 13, RENAME = 14, LINK = 15,
        READDIR = 16, READDIRPLUS = 17, FSSTAT = 18, FSINFO = 19, PATHCONF = 20, COMMIT = 21, NOOP = 25;
    /** NFSv2 procedure numbers to the generic (v3) ones, below 26. */
    private static final int[] V2_PROCEDURES = {NULL, GETATTR, SETATTR, NOOP, LOOKUP, READLINK, READ, NOOP, WRITE,
        CREATE, REMOVE, RENAME, LINK, SYMLINK, MKDIR, RMDIR, READDIR, FSSTAT, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP,
        NOOP};
    private static final String[] PROCEDURE_NAMES = {"null", "getattr", "setattr", "lookup", "access", "readlink",
        "read", "write", "create", "mkdir", "symlink", "mknod", "remove", "rmdir", "rename", "link", "readdir",
        "readdirplus", "fsstat", "fsinfo", "pathconf", "commit"};
    private static final int NFBLK = 3, NFCHR = 4;
    private static final String[] TYPES = {"NON", "REG", "DIR", "BLK", "CHR", "LNK", null, "FIFO"};
    private static final String[] WRITE_MODES = {"unstable", "datasync", "filesync"};
    private static final String[] AUTH_ERRORS = {"OK", "Bogus Credentials (seal broken)",
        "Rejected Credentials (client should begin new session)", "Bogus Verifier (seal broken)",
        "Verifier expired or was replayed", "Credentials are too weak", "Bogus response verifier", "Unknown failure"};
    private static final String[] ACCEPT_ERRORS = {null, "PROG_UNAVAIL", "PROG_MISMATCH", "PROC_UNAVAIL",
        "GARBAGE_ARGS", "SYSTEM_ERR"};
    private static final String[] ACCESS_BITS = {"NFS_ACCESS_READ", "NFS_ACCESS_LOOKUP", "NFS_ACCESS_MODIFY",
        "NFS_ACCESS_EXTEND", "NFS_ACCESS_DELETE", "NFS_ACCESS_EXECUTE"};
    private static final int[] STATUS_CODES = {1, 2, 5, 6, 11, 12, 13, 17, 18, 19, 20, 21, 22, 26, 27, 28, 30, 31, 45,
        62, 63, 66, 69, 70, 71, 99, 10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008};
    private static final String[] STATUS_TEXTS = {"Operation not permitted", "No such file or directory",
        "Input/output error", "Device not configured", "Resource deadlock avoided", "Cannot allocate memory",
        "Permission denied", "File exists", "Cross-device link", "Operation not supported by device", "Not a directory",
        "Is a directory", "Invalid argument", "Text file busy", "File too large", "No space left on device",
        "Read-only file system", "Too many links", "Operation not supported", "Too many levels of symbolic links",
        "File name too long", "Directory not empty", "Disc quota exceeded", "Stale NFS file handle",
        "Too many levels of remote in path", "Write cache flushed to disk", "Illegal NFS file handle",
        "Update synchronization mismatch", "READDIR/READDIRPLUS cookie is stale", "Operation not supported",
        "Buffer or request is too small", "Unspecified error on server", "Object of that type not supported",
        "Request couldn't be completed in time"};
    /** Fattr sizes (NFSX_V2FATTR, NFSX_V3FATTR). */
    private static final int V2_FATTR = 68, V3_FATTR = 84;

    private final int verbosity;
    /** -u: file handles as their words in hex, as tcpdump's ndo_uflag. */
    private final boolean rawHandles;
    private final EarlyEnd earlyEnd;

    /** The xid map: a ring, new calls at {@link #next}; a lookup starts at {@link #hint} (the last match). */
    private final int[] xids = new int[XID_MAP_SIZE];
    private final int[] ipVersions = new int[XID_MAP_SIZE];
    private final long[] clients = new long[2 * XID_MAP_SIZE];
    private final long[] servers = new long[2 * XID_MAP_SIZE];
    private final int[] procedures = new int[XID_MAP_SIZE];
    private final int[] versions = new int[XID_MAP_SIZE];
    private int next;
    private int hint;

    /** Per packet: the packet, its captured end, and whether an NFS error status was printed (tcpdump's nfserr). */
    private Packet p;
    private int end;
    private boolean nfsError;
    /** The sattr3 of a symlink or mknod call, kept to print after its name (tcpdump's struct nfsv3_sattr). */
    private final long[] sattr = new long[14];

    NfsFormatter(Verbosity verbosity, boolean rawHandles, EarlyEnd earlyEnd) {
        this.rawHandles = rawHandles;
        this.verbosity = verbosity.vflag();
        this.earlyEnd = earlyEnd;
    }

    /**
     * tcpdump's check after the UDP header or TCP's record marker: a call to 2049 or a reply from it; prints it
     * (after {@code prefix}) and says so, else prints nothing.
     *
     * @param rpc    the RPC message (its xid)
     * @param length what tcpdump hands on: the UDP length, or TCP's record length clipped to the segment
     */
    boolean format(Packet p, IpContext ip, int rpc, long length, int end, int sport, int dport, String prefix,
                   StringBuilder out) {
        if (rpc + 8 > end) return false;
        long direction = p.u32(rpc + 4);
        boolean call = dport == PORT && direction == 0;
        if (!call && !(sport == PORT && direction == 1)) return false;
        this.p = p;
        this.end = end;
        this.nfsError = false;
        out.append(prefix).append(call ? "NFS request xid " : "NFS reply xid ");
        Text.u32(out, p.u32(rpc));
        out.append(' ');
        int result = call ? request(ip, rpc, length, out) : reply(ip, rpc, length, out);
        if (result == HARD) earlyEnd.mark(out, "nfs");
        else if (result == SOFT && !nfsError) out.append(" [|nfs]");
        this.p = null;
        return true;
    }

    /**
     * tcpdump -T rpc's reply on UDP (nfsreply_print): "src.2049 > dst.xid: " from the IP header (the datagram's
     * endpoints are not printed), then the reply's status. Under -T no call enters the xid map (calls go to
     * {@link SunrpcFormatter}, TCP is not decoded), so no reply is interpreted, as in tcpdump.
     *
     * @param rpc the RPC message, its xid and direction captured
     */
    void rpcReply(Packet p, IpContext ip, int rpc, long length, int end, StringBuilder out) {
        this.p = p;
        this.end = end;
        this.nfsError = false;
        ip.appendAddress(out, p, ip.srcOffset);
        out.append('.').append(PORT).append(" > ");
        ip.appendAddress(out, p, ip.dstOffset);
        Text.u32(out.append('.'), p.u32(rpc));
        out.append(": ");
        if (reply(ip, rpc, length, out) == SOFT) out.append(" [|nfs]");   // its checks print the marker themselves
        this.p = null;
    }

    // ---- calls

    private int request(IpContext ip, int rp, long length, StringBuilder out) {
        Text.u32(out, length);
        if (rp + 24 > end) return SOFT;
        enter(ip, rp);
        long vers = p.u32(rp + 16);
        boolean v3 = vers == 3;
        long proc = p.u32(rp + 20);
        if (!v3 && proc < V2_PROCEDURES.length) proc = V2_PROCEDURES[(int) proc];
        procedureName(out.append(' '), proc);
        if (proc > COMMIT) return 0;
        int dp;
        switch ((int) proc) {
            case GETATTR, SETATTR, READLINK, FSSTAT, FSINFO, PATHCONF -> {
                return fh(parseRequest(rp, length), v3, out);
            }
            case LOOKUP, CREATE, MKDIR, REMOVE, RMDIR -> {
                return fhAndName(parseRequest(rp, length), v3, out);
            }
            case ACCESS -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (dp + 4 > end) return HARD;
                access(out, p.u32(dp));
            }
            case READ -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (v3) {
                    if (dp + 12 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 8));
                    Text.u64(out.append(" bytes @ "), u64(dp));
                } else {
                    if (dp + 8 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 4));
                    Text.u32(out.append(" bytes @ "), p.u32(dp));
                }
            }
            case WRITE -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (v3) {
                    if (dp + 20 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 16));
                    Text.u32(out.append(" ("), p.u32(dp + 8));
                    Text.u64(out.append(") bytes @ "), u64(dp));
                    if (verbosity > 0) writeMode(out.append(" <"), p.u32(dp + 12)).append('>');
                } else {
                    if (dp + 16 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 12));
                    Text.u32(out.append(" ("), p.u32(dp + 8));
                    Text.u32(out.append(") bytes @ "), p.u32(dp + 4));
                    Text.u32(out.append(" ("), p.u32(dp));
                    out.append(')');
                }
            }
            case SYMLINK -> {
                if ((dp = fhAndName(parseRequest(rp, length), v3, out)) < 0) return dp;
                out.append(" ->");
                if (v3 && (dp = parseSattr3(dp)) < 0) return dp;
                if ((dp = name(dp, out)) < 0) return dp;
                if (v3 && verbosity > 0) printSattr3(out);
            }
            case MKNOD -> {
                if ((dp = fhAndName(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (dp + 4 > end) return HARD;
                long type = p.u32(dp);
                if ((dp = parseSattr3(dp + 4)) < 0) return dp;
                out.append(' ');
                if (type < TYPES.length && TYPES[(int) type] != null) out.append(TYPES[(int) type]);
                else Text.u32(out.append("unk-ft "), type);
                if (verbosity > 0 && (type == NFCHR || type == NFBLK)) {
                    if (dp + 8 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp));
                    Text.u32(out.append('/'), p.u32(dp + 4));
                }
                if (verbosity > 0) printSattr3(out);
            }
            case RENAME -> {
                if ((dp = fhAndName(parseRequest(rp, length), v3, out)) < 0) return dp;
                out.append(" ->");
                return fhAndName(dp, v3, out);
            }
            case LINK -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                out.append(" ->");
                return fhAndName(dp, v3, out);
            }
            case READDIR -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (v3) {
                    if (dp + 20 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 16));
                    out.append(" bytes @ ").append(u64(dp));   // signed, as tcpdump's PRId64
                    if (verbosity > 0) verifier(out, dp + 8);
                } else {
                    if (dp + 8 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp + 4));
                    Text.u32(out.append(" bytes @ "), p.u32(dp));
                }
            }
            case READDIRPLUS -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (dp + 20 > end) return HARD;
                Text.u32(out.append(' '), p.u32(dp + 16));
                out.append(" bytes @ ").append(u64(dp));
                if (verbosity > 0) {
                    if (dp + 24 > end) return HARD;
                    Text.u32(out.append(" max "), p.u32(dp + 20));
                    verifier(out, dp + 8);
                }
            }
            case COMMIT -> {
                if ((dp = fh(parseRequest(rp, length), v3, out)) < 0) return dp;
                if (dp + 12 > end) return HARD;
                Text.u32(out.append(' '), p.u32(dp + 8));
                Text.u64(out.append(" bytes @ "), u64(dp));
            }
            default -> { }
        }
        return 0;
    }

    /** tcpdump's parsereq: past the credentials and verifier, with its length checks (against the whole message). */
    private int parseRequest(int rp, long length) {
        long dp = rp + 24;
        if (length < 8) return SOFT;
        if (dp + 8 > end) return HARD;
        long len = p.u32((int) dp + 4);
        long rounded = (len + 3) & 0xfffffffcL;
        if (dp + 8 + rounded > end) return SOFT;
        if (8 + rounded > length) return SOFT;
        dp += (len + 11) / 4 * 4;
        length -= 8 + rounded;
        if (length < 8) return SOFT;
        if (dp + 8 > end) return HARD;
        len = p.u32((int) dp + 4);
        rounded = (len + 3) & 0xfffffffcL;
        if (dp + 8 + rounded > end) return SOFT;
        if (8 + rounded >= length) return SOFT;
        return far(dp + (len + 11) / 4 * 4);
    }

    /** tcpdump's parsefh: a v2 handle (32 bytes) or a v3 one (length first); prints it. */
    private int fh(int dp, boolean v3, StringBuilder out) {
        if (dp < 0) return dp;
        long words;
        if (v3) {
            if (dp + 4 > end) return HARD;
            words = p.u32(dp) / 4;
            dp += 4;
        } else {
            words = 8;
        }
        if (dp + words * 4 > end) return SOFT;
        printFileHandle(dp, (int) words, out);
        return dp + (int) words * 4;
    }

    /** tcpdump's parsefn: a quoted file name. */
    private int name(int dp, StringBuilder out) {
        if (dp < 0) return dp;
        if (dp + 4 > end) return HARD;
        long len = p.u32(dp);
        dp += 4;
        if (0xffffffffL - len < 3) {
            out.append("[cannot pad to 32-bit boundaries] (invalid)");
            return SOFT;
        }
        long rounded = (len + 3) & ~3L;
        if (dp + rounded > end) return SOFT;
        out.append('"');
        for (int i = 0; i < len; i++) Text.printableChar(out, p.u8(dp + i));
        out.append('"');
        return dp + (int) rounded;
    }

    private int fhAndName(int dp, boolean v3, StringBuilder out) {
        if ((dp = fh(dp, v3, out)) < 0) return dp;
        out.append(' ');
        return name(dp, out);
    }

    /** tcpdump's parse_sattr3 into {@link #sattr}: set flags and values (mode, uid, gid, size, atime, mtime). */
    private int parseSattr3(int dp) {
        for (int field = 0; field < 4; field++) {
            if (dp + 4 > end) return HARD;
            sattr[2 * field] = p.u32(dp);
            dp += 4;
            if (sattr[2 * field] != 0) {
                if (dp + 4 > end) return HARD;
                sattr[2 * field + 1] = p.u32(dp);
                dp += 4;
            }
        }
        for (int time = 0; time < 2; time++) {
            int k = 8 + 3 * time;
            if (dp + 4 > end) return HARD;
            sattr[k] = p.u32(dp);
            dp += 4;
            if (sattr[k] == 2) {   // NFSV3SATTRTIME_TOCLIENT
                if (dp + 8 > end) return HARD;
                sattr[k + 1] = p.u32(dp);
                sattr[k + 2] = p.u32(dp + 4);
                dp += 8;
            }
        }
        return dp;
    }

    private void printSattr3(StringBuilder out) {
        if (sattr[0] != 0) octal(out.append(" mode "), sattr[1]);
        if (sattr[2] != 0) Text.u32(out.append(" uid "), sattr[3]);
        if (sattr[4] != 0) Text.u32(out.append(" gid "), sattr[5]);
        if (verbosity > 1) {
            if (sattr[8] == 2) time(out.append(" atime "), sattr[9], sattr[10]);
            if (sattr[11] == 2) time(out.append(" mtime "), sattr[12], sattr[13]);
        }
    }

    private static void access(StringBuilder out, long flags) {
        if ((flags & ~0x3fL) != 0) {
            Text.hex(out.append(' '), flags, 4);
        } else if (flags == 0x3f) {
            out.append(" NFS_ACCESS_FULL");
        } else {
            char separator = ' ';
            for (int bit = 0; bit < ACCESS_BITS.length; bit++) {
                if ((flags & (1L << bit)) != 0) {
                    out.append(separator).append(ACCESS_BITS[bit]);
                    separator = '|';
                }
            }
        }
    }

    // ---- file handles (parsenfsfh.c's guesses at the server's layout)

    private static final int UNKNOWN = 0, AUSPEX = 1, DECOSF = 2, IRIX4 = 3, SUNOS4 = 6, ULTRIX = 7, VMSUCX = 8,
        SUNOS5 = 9, HPUX9 = 11, BSD44 = 12;

    private void printFileHandle(int fh, int words, StringBuilder out) {
        if (rawHandles) {
            // big-endian words: tcpdump's choice, so that every host shows a handle the same way
            out.append(" fh[");
            for (int i = 0; i < words; i++) {
                if (i > 0) out.append(':');
                Text.hex(out, p.u32(fh + 4 * i));
            }
            out.append(']');
            return;
        }
        int type = handleType(fh, words);
        long major = 0, minor = 0, inode = 0;
        switch (type) {
            case AUSPEX -> {
                minor = b(fh + 7);
                major = b(fh + 6);
                inode = p.u32(fh + 12);
            }
            case BSD44 -> {
                minor = b(fh);
                major = b(fh + 1);
                inode = p.le32(fh + 12);
            }
            case DECOSF -> {
                long temp = p.le32(fh);
                minor = temp & 0xfffff;
                major = (temp >>> 20) & 0xfff;
                inode = p.le32(fh + 12);
            }
            case IRIX4, SUNOS4 -> {
                minor = b(fh + 3);
                major = b(fh + 2);
                inode = p.u32(fh + (type == IRIX4 ? 8 : 12));
            }
            case SUNOS5 -> {
                major = (p.u16(fh) >>> 2) & 0x3fff;
                minor = p.u24(fh + 1) & 0x3ffff;
                inode = p.u32(fh + 12);
            }
            case ULTRIX -> {
                minor = b(fh);
                major = b(fh + 1);
                inode = p.le32(fh + 4);
            }
            case VMSUCX -> {
                minor = p.le32(fh);
                major = p.le32(fh + 4);
                inode = (long) b(fh + 26) << 24 | (long) b(fh + 27) << 16 | b(fh + 22) | b(fh + 23) << 8;
            }
            case HPUX9 -> {
                major = b(fh);
                minor = p.u24(fh + 1);
                inode = p.u32(fh + 12);
            }
            default -> {
                minor = 257;
                major = 257;
                inode = 1;
            }
        }
        out.append(" fh ");
        int nameLength = Math.min(words, 64);   // tcpdump copies as many characters as the handle has words
        if (type == UNKNOWN) {
            out.append("Unknown", 0, Math.min(nameLength, 7));
            out.append('/');
        } else if (type == VMSUCX) {
            for (int i = 0; i < nameLength; i++) {   // up to a NUL, then cut at the first space
                int c = b(fh + 1 + i);
                if (c == 0 || c == ' ') break;
                out.append((char) c);
            }
            out.append('/');
        } else {
            Text.u32(out, major);
            Text.u32(out.append(','), minor);
            out.append('/');
        }
        if (minor == 257) {
            // tcpdump prints its opaque copy: the handle's first 32 bytes in hex for an unknown layout (for the
            // others it was never filled, and prints whatever the stack held: nothing here)
            if (type == UNKNOWN) {
                for (int i = 0; i < words * 4 && i < 32; i++) {
                    int v = b(fh + i);
                    out.append(UPPER_HEX[v >>> 4]).append(UPPER_HEX[v & 0xf]);
                }
            }
        } else {
            Text.u32(out, inode);
        }
    }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    /** parsenfsfh.c's decision tree (IRIX5 and AIX32 are never chosen there). */
    private int handleType(int fh, int words) {
        if (words < 4) return UNKNOWN;
        if (b(fh) == 0 && b(fh + 1) == 0) {
            if (b(fh + 2) == 0 && b(fh + 3) == 0) return AUSPEX;
            if (b(fh + 4) != 0 && b(fh + 5) == 0 && b(fh + 8) == 12 && b(fh + 9) == 0) return DECOSF;
            if (b(fh + 4) == 0 && b(fh + 5) == 8 && b(fh + 6) == 0 && b(fh + 7) == 0) return IRIX4;
            return SUNOS4;
        }
        if (b(fh + 2) == 0 && b(fh + 3) == 0) {
            if (b(fh + 6) == 0 && b(fh + 7) == 0) return BSD44;
            if (words >= 6 && b(fh + 21) == 0 && b(fh + 23) == 0) return ULTRIX;
            return b(fh + 9) == 10 ? SUNOS5 : UNKNOWN;
        }
        if (b(fh + 8) == 12 && b(fh + 9) == 0) return DECOSF;
        if (b(fh + 8) == 0 && b(fh + 9) == 10) {
            if (b(fh + 7) == 0 && b(fh + 6) == 0 && b(fh + 5) == 0 && b(fh + 4) == 0) return HPUX9;
            return SUNOS5;
        }
        return vmsUcx(fh, words) ? VMSUCX : UNKNOWN;
    }

    /** A VMS UCX handle: at least 28 bytes, bytes 1 to 13 printable characters then only NULs. */
    private boolean vmsUcx(int fh, int words) {
        if (words < 7) return false;
        boolean seenNul = false;
        for (int i = 1; i < 14; i++) {
            int c = b(fh + i);
            if (c >= 0x20 && c < 0x7f) {
                if (seenNul) return false;
            } else if (c == 0) {
                seenNul = true;
            } else {
                return false;
            }
        }
        return true;
    }

    // ---- replies

    private int reply(IpContext ip, int rp, long length, StringBuilder out) {
        if (rp + 12 > end) return SOFT;
        long stat = p.u32(rp + 8);
        if (stat == 0) {
            Text.u32(out.append("reply ok "), length);
            int e = find(ip, rp);
            return e < 0 ? 0 : interpret(rp, procedures[e] & 0xffffffffL, versions[e] & 0xffffffffL, length, out);
        }
        if (stat == 1) {
            Text.u32(out.append("reply ERR "), length);
            out.append(": ");
            if (rp + 16 > end) return SOFT;
            long reject = p.u32(rp + 12);
            if (reject == 0) {
                if (rp + 24 > end) return SOFT;
                Text.u32(out.append("RPC Version mismatch ("), p.u32(rp + 16));
                Text.u32(out.append('-'), p.u32(rp + 20));
                out.append(')');
            } else if (reject == 1) {
                if (rp + 20 > end) return SOFT;
                long why = p.u32(rp + 16);
                out.append("Auth ");
                if (why < AUTH_ERRORS.length) out.append(AUTH_ERRORS[(int) why]);
                else Text.u32(out.append("Invalid failure code "), why);
            } else {
                Text.u32(out.append("Unknown reason for rejecting rpc message "), reject);
            }
            return 0;
        }
        Text.u32(out.append("reply Unknown rpc response code="), stat);
        Text.u32(out.append(' '), length);
        return 0;
    }

    /** tcpdump's interp_reply: the results of the call's procedure. */
    private int interpret(int rp, long proc, long vers, long length, StringBuilder out) {
        boolean v3 = vers == 3;
        int v = verbosity;
        if (!v3 && proc < V2_PROCEDURES.length) proc = V2_PROCEDURES[(int) proc];
        procedureName(out.append(' '), proc);
        if (proc > COMMIT || proc == NULL) return 0;
        int dp = parseReply(rp, length, out);
        if (dp < 0) return dp;
        switch ((int) proc) {
            case GETATTR -> dp = attrStat(dp, 1, v3, out);
            case SETATTR -> dp = v3 ? wccRes(dp, v, out) : attrStat(dp, 1, false, out);
            case LOOKUP -> {
                if (!v3) return dirOpRes(dp, out);
                if ((dp = status(dp, out)) < 0) return dp;
                if (lastStatus == 0) {
                    if ((dp = fh(dp, true, out)) < 0) return dp;
                    if ((dp = postOpAttr(dp, v, out)) < 0) return dp;
                }
                if (v > 1) dp = postOpAttr(dp, v, out.append(" post dattr:"));
            }
            case ACCESS -> {
                if ((dp = status(dp, out)) < 0) return dp;
                long er = lastStatus;
                if (v > 0) out.append(" attr:");
                if ((dp = postOpAttr(dp, v, out)) < 0) return dp;
                if (er == 0) {
                    if (dp + 4 > end) return HARD;
                    Text.hex(out.append(" c "), p.u32(dp), 4);
                }
            }
            case READLINK -> {
                if ((dp = status(dp, out)) < 0 || lastStatus != 0) return dp;
                if (v3 && (dp = postOpAttr(dp, v, out)) < 0) return dp;
                out.append(' ');
                dp = name(dp, out);
            }
            case READ -> {
                if (!v3) return attrStat(dp, v, false, out);
                if ((dp = status(dp, out)) < 0) return dp;
                long er = lastStatus;
                if ((dp = postOpAttr(dp, v, out)) < 0) return dp;
                if (er == 0 && v > 0) {
                    if (dp + 4 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp));
                    out.append(" bytes");
                    if (dp + 8 > end) return HARD;
                    if (p.u32(dp + 4) != 0) out.append(" EOF");
                }
            }
            case WRITE -> {
                if (!v3) return attrStat(dp, v, false, out);
                if ((dp = status(dp, out)) < 0) return dp;
                long er = lastStatus;
                if ((dp = wccData(dp, v, out)) < 0) return dp;
                if (er == 0 && v > 0) {
                    if (dp + 4 > end) return HARD;
                    Text.u32(out.append(' '), p.u32(dp));
                    out.append(" bytes");
                    if (v > 1) {
                        if (dp + 8 > end) return HARD;
                        writeMode(out.append(" <"), p.u32(dp + 4)).append('>');
                        if (dp + 16 > end) return HARD;
                        Text.hex(out.append(" verf "), u64(dp + 8));
                    }
                }
            }
            case CREATE, MKDIR -> dp = v3 ? createOpRes(dp, v, out) : dirOpRes(dp, out);
            case SYMLINK -> dp = v3 ? createOpRes(dp, v, out) : status(dp, out);
            case MKNOD -> dp = createOpRes(dp, v, out);
            case REMOVE, RMDIR -> dp = v3 ? wccRes(dp, v, out) : status(dp, out);
            case RENAME -> {
                if ((dp = status(dp, out)) < 0 || !v3) return dp;
                if (v > 0) {
                    if ((dp = wccData(dp, v, out.append(" from:"))) < 0) return dp;
                    dp = wccData(dp, v, out.append(" to:"));
                }
            }
            case LINK -> {
                if ((dp = status(dp, out)) < 0 || !v3) return dp;
                if (v > 0) {
                    if ((dp = postOpAttr(dp, v, out.append(" file POST:"))) < 0) return dp;
                    dp = wccData(dp, v, out.append(" dir:"));
                }
            }
            case READDIR -> dp = v3 ? v3DirRes(dp, v, out) : dirRes(dp, out);
            case READDIRPLUS -> dp = v3DirRes(dp, v, out);
            case FSSTAT -> dp = statFs(dp, v3, out);
            case FSINFO -> dp = fsInfo(dp, out);
            case PATHCONF -> dp = pathConf(dp, out);
            case COMMIT -> {
                if ((dp = wccRes(dp, v, out)) < 0) return dp;
                if (v > 1) {
                    if (dp + 8 > end) return HARD;
                    Text.hex(out.append(" verf "), u64(dp));
                }
            }
            default -> { }
        }
        return dp;
    }

    /** tcpdump's parserep: past the verifier to the accept status; a failure status prints and ends the reply. */
    private int parseReply(int rp, long length, StringBuilder out) {
        if (rp + 20 > end) return HARD;
        long len = p.u32(rp + 16);
        if (len >= length) return SOFT;
        int dp = far(rp + 12 + (len + 11) / 4 * 4);
        if (dp + 4 > end) return HARD;
        long accept = p.u32(dp);
        if (accept != 0) {
            out.append(' ');
            if (accept < ACCEPT_ERRORS.length) out.append(ACCEPT_ERRORS[(int) accept]);
            else Text.u32(out.append("ar_stat "), accept);
            nfsError = true;
            return SOFT;
        }
        return dp + 4;
    }

    /** The status {@link #status} read last (tcpdump's er). */
    private long lastStatus;

    private int status(int dp, StringBuilder out) {
        if (dp < 0) return dp;
        if (dp + 4 > end) return HARD;
        lastStatus = p.u32(dp);
        if (lastStatus != 0) {
            out.append(" ERROR: ");
            int i = statusIndex(lastStatus);
            if (i >= 0) out.append(STATUS_TEXTS[i]);
            else Text.u32(out.append("unk "), lastStatus);
            nfsError = true;
        }
        return dp + 4;
    }

    private static int statusIndex(long status) {
        for (int i = 0; i < STATUS_CODES.length; i++) if (STATUS_CODES[i] == status) return i;
        return -1;
    }

    /** tcpdump's parsefattr: type, mode, ids and size with -v, the rest with -vv. */
    private int fattr(int dp, int verbose, boolean v3, StringBuilder out) {
        if (dp + 20 > end) return SOFT;
        if (verbose > 0) {
            long type = p.u32(dp);
            out.append(' ');
            if (type < TYPES.length && TYPES[(int) type] != null) out.append(TYPES[(int) type]);
            else { Text.u32(out.append("unk-ft "), type); out.append(' '); }
            octal(out.append(' '), p.u32(dp + 4));
            out.append(" ids ").append((int) p.u32(dp + 12)).append('/').append((int) p.u32(dp + 16));
            if (v3) {
                if (dp + 28 > end) return HARD;
                Text.u64(out.append(" sz "), u64(dp + 20));
            } else {
                if (dp + 24 > end) return HARD;
                Text.u32(out.append(" sz "), p.u32(dp + 20));
            }
        }
        if (verbose > 1) {
            if (v3) {
                if (dp + V3_FATTR > end) return SOFT;
                Text.u32(out.append(" nlink "), p.u32(dp + 8));
                Text.u32(out.append(" rdev "), p.u32(dp + 36));
                Text.u32(out.append('/'), p.u32(dp + 40));
                Text.hex(out.append(" fsid "), u64(dp + 44));
                Text.hex(out.append(" fileid "), u64(dp + 52));
                time(out.append(" a/m/ctime "), p.u32(dp + 60), p.u32(dp + 64));
                time(out.append(' '), p.u32(dp + 68), p.u32(dp + 72));
                time(out.append(' '), p.u32(dp + 76), p.u32(dp + 80));
            } else {
                if (dp + V2_FATTR > end) return SOFT;
                Text.u32(out.append(" nlink "), p.u32(dp + 8));
                Text.hex(out.append(" rdev 0x"), p.u32(dp + 28));
                Text.hex(out.append(" fsid 0x"), p.u32(dp + 36));
                Text.hex(out.append(" nodeid 0x"), p.u32(dp + 40));
                out.append(" a/m/ctime");
                time(out.append(' '), p.u32(dp + 44), p.u32(dp + 48));
                time(out.append(' '), p.u32(dp + 52), p.u32(dp + 56));
                time(out.append(' '), p.u32(dp + 60), p.u32(dp + 64));
            }
        }
        return dp + (v3 ? V3_FATTR : V2_FATTR);
    }

    private int attrStat(int dp, int verbose, boolean v3, StringBuilder out) {
        if ((dp = status(dp, out)) < 0 || lastStatus != 0) return dp;
        return fattr(dp, verbose, v3, out);
    }

    private int dirOpRes(int dp, StringBuilder out) {
        if ((dp = status(dp, out)) < 0 || lastStatus != 0) return dp;
        if ((dp = fh(dp, false, out)) < 0) return dp;
        return fattr(dp, verbosity, false, out);
    }

    private int statFs(int dp, boolean v3, StringBuilder out) {
        if ((dp = status(dp, out)) < 0 || (!v3 && lastStatus != 0)) return dp;
        if (v3) {
            if (verbosity > 0) out.append(" POST:");
            if ((dp = postOpAttr(dp, verbosity, out)) < 0) return dp;
        }
        if (dp + (v3 ? 52 : 20) > end) return SOFT;
        if (v3) {
            Text.u64(out.append(" tbytes "), u64(dp));
            Text.u64(out.append(" fbytes "), u64(dp + 8));
            Text.u64(out.append(" abytes "), u64(dp + 16));
            if (verbosity > 0) {
                Text.u64(out.append(" tfiles "), u64(dp + 24));
                Text.u64(out.append(" ffiles "), u64(dp + 32));
                Text.u64(out.append(" afiles "), u64(dp + 40));
                Text.u32(out.append(" invar "), p.u32(dp + 48));
            }
        } else {
            Text.u32(out.append(" tsize "), p.u32(dp));
            Text.u32(out.append(" bsize "), p.u32(dp + 4));
            Text.u32(out.append(" blocks "), p.u32(dp + 8));
            Text.u32(out.append(" bfree "), p.u32(dp + 12));
            Text.u32(out.append(" bavail "), p.u32(dp + 16));
        }
        return dp;
    }

    private int dirRes(int dp, StringBuilder out) {
        if ((dp = status(dp, out)) < 0 || lastStatus != 0) return dp;
        if (dp + 8 > end) return HARD;
        Text.hex(out.append(" offset 0x"), p.u32(dp));
        Text.u32(out.append(" size "), p.u32(dp + 4));
        out.append(' ');
        if (dp + 12 > end) return HARD;
        if (p.u32(dp + 8) != 0) out.append(" eof");
        return dp;
    }

    private int wccAttr(int dp, StringBuilder out) {
        Text.u64(out.append(" sz "), u64(dp));
        time(out.append(" mtime "), p.u32(dp + 8), p.u32(dp + 12));
        time(out.append(" ctime "), p.u32(dp + 16), p.u32(dp + 20));
        return dp + 24;
    }

    private int preOpAttr(int dp, int verbose, StringBuilder out) {
        if (dp + 4 > end) return HARD;
        if (p.u32(dp) == 0) return dp + 4;
        dp += 4;
        if (dp + 24 > end) return SOFT;
        return verbose > 1 ? wccAttr(dp, out) : dp + 24;
    }

    private int postOpAttr(int dp, int verbose, StringBuilder out) {
        if (dp + 4 > end) return HARD;
        if (p.u32(dp) == 0) return dp + 4;
        dp += 4;
        return verbose > 0 ? fattr(dp, verbose, true, out) : dp + V3_FATTR;
    }

    private int wccData(int dp, int verbose, StringBuilder out) {
        if (verbose > 1) out.append(" PRE:");
        if ((dp = preOpAttr(dp, verbose, out)) < 0) return dp;
        if (verbose > 0) out.append(" POST:");
        return postOpAttr(dp, verbose, out);
    }

    private int createOpRes(int dp, int verbose, StringBuilder out) {
        if ((dp = status(dp, out)) < 0) return dp;
        if (lastStatus != 0) return wccData(dp, verbose, out);
        if (dp + 4 > end) return HARD;
        if (p.u32(dp) == 0) return dp + 4;
        if ((dp = fh(dp + 4, true, out)) < 0) return dp;
        if (verbose > 0) {
            if ((dp = postOpAttr(dp, verbose, out)) < 0) return dp;
            if (verbosity > 1) dp = wccData(dp, verbose, out.append(" dir attr:"));
        }
        return dp;
    }

    private int wccRes(int dp, int verbose, StringBuilder out) {
        if ((dp = status(dp, out)) < 0) return dp;
        return wccData(dp, verbose, out);
    }

    private int v3DirRes(int dp, int verbose, StringBuilder out) {
        if ((dp = status(dp, out)) < 0) return dp;
        long er = lastStatus;
        if (verbosity > 0) out.append(" POST:");
        if ((dp = postOpAttr(dp, verbose, out)) < 0 || er != 0) return dp;
        if (verbosity > 0) {
            if (dp + 8 > end) return HARD;
            verifier(out, dp);
            dp += 8;
        }
        return dp;
    }

    private int fsInfo(int dp, StringBuilder out) {
        if ((dp = status(dp, out)) < 0) return dp;
        long er = lastStatus;
        if (verbosity > 0) out.append(" POST:");
        if ((dp = postOpAttr(dp, verbosity, out)) < 0 || er != 0) return dp;
        if (dp + 48 > end) return SOFT;
        Text.u32(out.append(" rtmax "), p.u32(dp));
        Text.u32(out.append(" rtpref "), p.u32(dp + 4));
        Text.u32(out.append(" wtmax "), p.u32(dp + 12));
        Text.u32(out.append(" wtpref "), p.u32(dp + 16));
        Text.u32(out.append(" dtpref "), p.u32(dp + 24));
        if (verbosity > 0) {
            Text.u32(out.append(" rtmult "), p.u32(dp + 8));
            Text.u32(out.append(" wtmult "), p.u32(dp + 20));
            Text.u64(out.append(" maxfsz "), u64(dp + 28));
            time(out.append(" delta "), p.u32(dp + 36), p.u32(dp + 40));
            out.append(' ');
        }
        return dp;
    }

    private int pathConf(int dp, StringBuilder out) {
        if ((dp = status(dp, out)) < 0) return dp;
        long er = lastStatus;
        if (verbosity > 0) out.append(" POST:");
        if ((dp = postOpAttr(dp, verbosity, out)) < 0 || er != 0) return dp;
        if (dp + 24 > end) return SOFT;
        Text.u32(out.append(" linkmax "), p.u32(dp));
        Text.u32(out.append(" namemax "), p.u32(dp + 4));
        out.append(p.u32(dp + 8) != 0 ? " notrunc" : " ");
        out.append(p.u32(dp + 12) != 0 ? " chownres" : " ");
        out.append(p.u32(dp + 16) != 0 ? " igncase" : " ");
        out.append(p.u32(dp + 20) != 0 ? " keepcase" : " ");
        return dp;
    }

    // ---- the xid map

    private void enter(IpContext ip, int rp) {
        int e = next;
        if (++next >= XID_MAP_SIZE) next = 0;
        xids[e] = (int) p.u32(rp);
        ipVersions[e] = ip.v6 ? 6 : 4;
        address(p, ip, ip.srcOffset, clients, e);
        address(p, ip, ip.dstOffset, servers, e);
        procedures[e] = (int) p.u32(rp + 20);
        versions[e] = (int) p.u32(rp + 16);
    }

    /** The call this reply answers (same xid, from its server to its client), from the last match on; or -1. */
    private int find(IpContext ip, int rp) {
        int xid = (int) p.u32(rp);
        int version = ip.v6 ? 6 : 4;
        long srcHi = ip.v6 ? word(ip.srcOffset) : p.u32(ip.srcOffset), srcLo = ip.v6 ? word(ip.srcOffset + 8) : 0;
        long dstHi = ip.v6 ? word(ip.dstOffset) : p.u32(ip.dstOffset), dstLo = ip.v6 ? word(ip.dstOffset + 8) : 0;
        int i = hint;
        do {
            if (ipVersions[i] == version && xids[i] == xid && servers[2 * i] == srcHi && servers[2 * i + 1] == srcLo
                    && clients[2 * i] == dstHi && clients[2 * i + 1] == dstLo) {
                hint = i;
                return i;
            }
            if (++i >= XID_MAP_SIZE) i = 0;
        } while (i != hint);
        return -1;
    }

    private static void address(Packet p, IpContext ip, int off, long[] into, int e) {
        if (ip.v6) {
            into[2 * e] = p.u32(off) << 32 | p.u32(off + 4);
            into[2 * e + 1] = p.u32(off + 8) << 32 | p.u32(off + 12);
        } else {
            into[2 * e] = p.u32(off);
            into[2 * e + 1] = 0;
        }
    }

    // ---- small helpers

    private long word(int off) {
        return p.u32(off) << 32 | p.u32(off + 4);
    }

    private long u64(int off) {
        return p.u32(off) << 32 | p.u32(off + 4);
    }

    private int b(int off) {
        return p.u8(off);
    }

    private static int far(long offset) {
        return (int) Math.min(offset, FAR);
    }

    private static void procedureName(StringBuilder out, long proc) {
        if (proc < PROCEDURE_NAMES.length) out.append(PROCEDURE_NAMES[(int) proc]);
        else if (proc == NOOP) out.append("nop");
        else Text.u32(out.append("proc-"), proc);
    }

    /** tok2str with a NULL format: "#%d" (signed) for an unknown mode. */
    private static StringBuilder writeMode(StringBuilder out, long mode) {
        return mode < WRITE_MODES.length ? out.append(WRITE_MODES[(int) mode]) : out.append('#').append((int) mode);
    }

    private void verifier(StringBuilder out, int at) {
        Text.hex(out.append(" verf "), p.u32(at), 8);
        Text.hex(out, p.u32(at + 4), 8);
    }

    /** "%u.%06u". */
    private static void time(StringBuilder out, long seconds, long fraction) {
        Text.u32(out, seconds);
        out.append('.');
        for (long limit = 100000; limit > 1 && fraction < limit; limit /= 10) out.append('0');
        Text.u32(out, fraction);
    }

    /** "%o" without a String. */
    private static void octal(StringBuilder out, long value) {
        int shift = 33;
        while (shift > 0 && (value >>> shift & 7) == 0) shift -= 3;
        for (; shift >= 0; shift -= 3) out.append((char) ('0' + (value >>> shift & 7)));
    }
}
