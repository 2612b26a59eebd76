package dev.fabricscope.print;

/** The names tcpdump 4.99's print-forces.c gives ForCES (RFC 5810) message types, TLVs, operations and codes. */
final class ForcesNames {
    private ForcesNames() { }

    /** Top-level TLV count flags of a message type (tcpdump's tom_h flags). */
    static final int ZERO_TTLV = 0x01, ZERO_MORE_TTLV = 0x02, ONE_MORE_TTLV = 0x04;

    /** The operation bits (B_OP_*: 1 << (operation - 1)) each message type allows. */
    private static final int OP_SET = 1, OP_SETPROP = 2, OP_SETRESP = 4, OP_SETPRESP = 8, OP_DEL = 0x10,
        OP_DELRESP = 0x20, OP_GET = 0x40, OP_GETPROP = 0x80, OP_GETRESP = 0x100, OP_GETPRESP = 0x200,
        OP_REPORT = 0x400, OP_COMMIT = 0x800, OP_RCOMMIT = 0x1000, OP_RTRCOMP = 0x2000;

    /** The data encodings (B_* of the path data) an operation allows. */
    static final int FULLD = 0x1, SPARD = 0x2, RESTV = 0x4, KEYIN = 0x8, APPND = 0x10, TRNG = 0x20;

    /** Which printer takes a message's top-level TLVs. */
    enum TopPrinter { NONE, LFB_SELECT, TEARDOWN, REDIRECT, SETUP_RESULT }

    /** A message type as tcpdump's ForCES_msg table holds it. */
    record MessageType(int flags, int opMask, String name, TopPrinter printer) { }

    private static final int TTLV_T1 = ONE_MORE_TTLV | 0x10, TTLV_T2 = ONE_MORE_TTLV | 0xf0;
    private static final MessageType SETUP = new MessageType(ZERO_MORE_TTLV | 0x20, OP_REPORT,
        "Association Setup", TopPrinter.LFB_SELECT);
    private static final MessageType TEARDOWN = new MessageType(TTLV_T1, 0, "Association TearDown",
        TopPrinter.TEARDOWN);
    private static final MessageType CONFIG = new MessageType(TTLV_T2,
        OP_SET | OP_SETPROP | OP_DEL | OP_COMMIT | OP_RTRCOMP, "Config", TopPrinter.LFB_SELECT);
    private static final MessageType QUERY = new MessageType(TTLV_T2, OP_GET | OP_GETPROP, "Query",
        TopPrinter.LFB_SELECT);
    private static final MessageType EVENT = new MessageType(TTLV_T1, OP_REPORT, "Event Notification",
        TopPrinter.LFB_SELECT);
    private static final MessageType REDIRECT = new MessageType(TTLV_T2, 0, "Packet Redirect", TopPrinter.REDIRECT);
    private static final MessageType HEARTBEAT = new MessageType(ZERO_TTLV, 0, "HeartBeat", TopPrinter.NONE);
    private static final MessageType SETUP_RESPONSE = new MessageType(TTLV_T1, 0, "Association Response",
        TopPrinter.SETUP_RESULT);
    private static final MessageType CONFIG_RESPONSE = new MessageType(TTLV_T2,
        OP_SETRESP | OP_SETPRESP | OP_DELRESP | OP_RCOMMIT, "Config Response", TopPrinter.LFB_SELECT);
    private static final MessageType QUERY_RESPONSE = new MessageType(TTLV_T2, OP_GETRESP | OP_GETPRESP,
        "Query Response", TopPrinter.LFB_SELECT);

    /** tcpdump's tom_valid: the message types it does not reject outright. */
    static boolean validType(int tom) {
        return tom > 0 && !(tom >= 0x7 && tom <= 0xe) && tom != 0x10 && tom <= 0x14;
    }

    /** The message type, {@code null} for one tcpdump's table lacks (it prints "Unknown"). */
    static MessageType messageType(int tom) {
        return switch (tom) {
            case 0x1 -> SETUP;
            case 0x2 -> TEARDOWN;
            case 0x3 -> CONFIG;
            case 0x4 -> QUERY;
            case 0x5 -> EVENT;
            case 0x6 -> REDIRECT;
            case 0xf -> HEARTBEAT;
            case 0x11 -> SETUP_RESPONSE;
            case 0x13 -> CONFIG_RESPONSE;
            case 0x14 -> QUERY_RESPONSE;
            default -> null;
        };
    }

    /** Which printer takes an operation TLV's body. */
    enum OperPrinter { NONE, INVALID, PATH_DATA, GENERIC }

    /** An operation TLV as tcpdump's OPTLV_msg table holds it. */
    record Operation(int dataMask, String name, OperPrinter printer) { }

    private static final Operation[] OPERATIONS = {
        new Operation(0, "Invalid OPTLV", OperPrinter.INVALID),
        new Operation(FULLD | SPARD, " Set", OperPrinter.PATH_DATA),
        new Operation(FULLD | SPARD, " SetProp", OperPrinter.PATH_DATA),
        new Operation(RESTV, " SetResp", OperPrinter.PATH_DATA),
        new Operation(RESTV, " SetPropResp", OperPrinter.PATH_DATA),
        new Operation(0, " Del", OperPrinter.PATH_DATA),
        new Operation(RESTV, " DelResp", OperPrinter.PATH_DATA),
        new Operation(0, " Get", OperPrinter.PATH_DATA),
        new Operation(0, " GetProp", OperPrinter.PATH_DATA),
        new Operation(FULLD | SPARD | RESTV, " GetResp", OperPrinter.PATH_DATA),
        new Operation(FULLD | RESTV, " GetPropResp", OperPrinter.PATH_DATA),
        new Operation(FULLD | SPARD, " Report", OperPrinter.PATH_DATA),
        new Operation(0, " Commit", OperPrinter.NONE),
        new Operation(RESTV, " RCommit", OperPrinter.GENERIC),
        new Operation(0, " RTRCOMP", OperPrinter.NONE),
    };

    /** tcpdump's get_forces_optlv_h: out-of-table operations (vendor ones) take the reserved entry. */
    static Operation operation(int op) {
        return op < OPERATIONS.length ? OPERATIONS[op] : OPERATIONS[0];
    }

    /** tcpdump's op_valid: the operation is allowed by the message's mask, or is a vendor operation. */
    static boolean validOperation(int op, int mask) {
        if (op == 0) return false;
        if (op < OPERATIONS.length) return ((1 << (op - 1)) & mask) != 0;
        return op >= 0x8000;
    }

    static final int TLV_REDIRECT = 0x0001, TLV_PATH_DATA = 0x0110, TLV_KEYINFO = 0x0111, TLV_FULLDATA = 0x0112,
        TLV_SPARSEDATA = 0x0113, TLV_RESULT = 0x0114, TLV_METADATA = 0x0115, TLV_REDIRECTDATA = 0x0116;

    /** tcpdump's ttlv_valid: the TLV types allowed at the top level of a message. */
    static boolean validTopTlv(int type) {
        return type == 1 || type == 0x1000 || type == 0x10 || type == 0x11 || (type >= 0x110 && type <= 0x116);
    }

    /** tok2str(ForCES_TLV, NULL, type). */
    static void appendTlv(StringBuilder out, int type) {
        String name = switch (type) {
            case 0x0000 -> "Invalid TLV";
            case 0x0001 -> "REDIRECT TLV";
            case 0x0010 -> "ASResult TLV";
            case 0x0011 -> "ASTreason TLV";
            case 0x1000 -> "LFBselect TLV";
            case 0x0110 -> "PATH-DATA TLV";
            case 0x0111 -> "KEYINFO TLV";
            case 0x0112 -> "FULLDATA TLV";
            case 0x0113 -> "SPARSEDATA TLV";
            case 0x0114 -> "RESULT TLV";
            case 0x0115 -> "METADATA TLV";
            case 0x0116 -> "REDIRECTDATA TLV";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append('#').append(type);
    }

    /** The name of a path data content TLV (tcpdump's ForCES_pdata) and the encoding bit it stands for. */
    static String pathDataName(int type) {
        return switch (type) {
            case TLV_KEYINFO -> "KEYINFO TLV";
            case TLV_FULLDATA -> "FULLDATA TLV";
            case TLV_SPARSEDATA -> "SPARSEDATA TLV";
            case TLV_RESULT -> "RESULT TLV";
            default -> "Inner PATH-DATA TLV";
        };
    }

    static int pathDataMask(int type) {
        return switch (type) {
            case TLV_FULLDATA -> FULLD;
            case TLV_SPARSEDATA -> SPARD;
            case TLV_RESULT -> RESTV;
            default -> 0;
        };
    }

    static final int INVALID_RLEN = 1, INVALID_STLN = 2, INVALID_LTLN = 3, INVALID_ALEN = 4;

    /** tok2str(ForCES_TLV_err, NULL, code). */
    static void appendTlvError(StringBuilder out, int code) {
        switch (code) {
            case INVALID_RLEN -> out.append("Invalid total length");
            case INVALID_STLN -> out.append("xLV too short");
            case INVALID_LTLN -> out.append("xLV too long");
            case INVALID_ALEN -> out.append("data padding missing");
            default -> out.append('#').append(code);
        }
    }

    /** tok2str(ForCES_LFBs, NULL, class): tcpdump formats an unknown class with "#%d", so as signed. */
    static void appendLfb(StringBuilder out, long classId) {
        if (classId == 0) out.append("Invalid TLV");
        else if (classId == 1) out.append("FEObj LFB");
        else if (classId == 2) out.append("FEProtoObj LFB");
        else out.append('#').append((int) classId);
    }

    /** ForCES_node: the role of a source or destination ID. */
    static String node(long id) {
        if (id <= 0x3FFFFFFFL) return "FE";
        if (id <= 0x7FFFFFFFL) return "CE";
        if (id >= 0xC0000000L && id <= 0xFFFFFFEFL) return "AllMulticast";
        if (id == 0xFFFFFFFDL) return "AllCEsBroadcast";
        if (id == 0xFFFFFFFEL) return "AllFEsBroadcast";
        if (id == 0xFFFFFFFFL) return "AllBroadcast";
        return "ForCESreserved";
    }

    static String ack(int v) {
        return switch (v) {
            case 0 -> "NoACK";
            case 1 -> "SuccessACK";
            case 2 -> "FailureACK";
            default -> "AlwaysACK";
        };
    }

    static String executionMode(int v) {
        return switch (v) {
            case 0 -> "EMReserved";
            case 1 -> "execute-all-or-none";
            case 2 -> "execute-until-failure";
            default -> "continue-execute-on-failure";
        };
    }

    static String atomicity(int v) {
        return v == 0 ? "Standalone" : "2PCtransaction";
    }

    static String transactionPhase(int v) {
        return switch (v) {
            case 0 -> "StartofTransaction";
            case 1 -> "MiddleofTransaction";
            case 2 -> "EndofTransaction";
            default -> "abort";
        };
    }

    /** tok2str(ForCES_errs, NULL, code) for the codes tcpdump lets through (0-0x17, 0xff). */
    static String result(int code) {
        return switch (code) {
            case 0x00 -> "SUCCESS";
            case 0x01 -> "INVALID HEADER";
            case 0x02 -> "LENGTH MISMATCH";
            case 0x03 -> "VERSION MISMATCH";
            case 0x04 -> "INVALID DESTINATION PID";
            case 0x05 -> "LFB UNKNOWN";
            case 0x06 -> "LFB NOT FOUND";
            case 0x07 -> "LFB INSTANCE ID NOT FOUND";
            case 0x08 -> "INVALID PATH";
            case 0x09 -> "COMPONENT DOES NOT EXIST";
            case 0x0a -> "EXISTS ALREADY";
            case 0x0b -> "NOT FOUND";
            case 0x0c -> "READ ONLY";
            case 0x0d -> "INVALID ARRAY CREATION";
            case 0x0e -> "VALUE OUT OF RANGE";
            case 0x0f -> "CONTENTS TOO LONG";
            case 0x10 -> "INVALID PARAMETERS";
            case 0x11 -> "INVALID MESSAGE TYPE";
            case 0x12 -> "INVALID FLAGS";
            case 0x13 -> "INVALID TLV";
            case 0x14 -> "EVENT ERROR";
            case 0x15 -> "NOT SUPPORTED";
            case 0x16 -> "MEMORY ERROR";
            case 0x17 -> "INTERNAL ERROR";
            default -> "UNSPECIFIED ERROR";
        };
    }

    static String teardownReason(long code) {
        return switch ((int) code) {
            case 0 -> "Normal Teardown";
            case 1 -> "Loss of Heartbeats";
            case 2 -> "Out of bandwidth";
            case 3 -> "Out of Memory";
            case 4 -> "Application Crash";
            default -> "Unknown Teardown reason";
        };
    }

    static String setupResult(long code) {
        return switch ((int) code) {
            case 0 -> "Success ";
            case 1 -> "FE ID invalid ";
            case 2 -> "permission denied ";
            default -> "Unknown ";
        };
    }
}
