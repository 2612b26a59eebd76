package dev.fabricscope.smc;

/**
 * The 8-byte CLC header: eyecatcher, type, length, and the bit field {@code version:4, flag:1, reserved:1,
 * path:2}. In an SMCv2 Proposal the flag and reserved bits together are the 2-bit v2 path ({@link #pathv2()});
 * in Accept/Confirm the flag is "first contact", in Decline "out of sync".
 */
public record ClcHeader(int eyecatcher, int type, int length, int version, int flag, int reservedBit, int pathv2,
                        int path) {
    public static final int LENGTH = 8;
    public static final int EYECATCHER_SMCR = 0xE2D4C3D9;
    public static final int EYECATCHER_SMCD = 0xE2D4C3C4;

    public static final int TYPE_PROPOSAL = 1;
    public static final int TYPE_ACCEPT = 2;
    public static final int TYPE_CONFIRM = 3;
    public static final int TYPE_DECLINE = 4;

    public static final int PATH_R = 0;
    public static final int PATH_D = 1;
    public static final int PATH_N = 2;
    public static final int PATH_B = 3;

    /** Decodes the bit field byte (byte 7 of the header). */
    static ClcHeader of(int eyecatcher, int type, int length, int bits) {
        return new ClcHeader(eyecatcher, type, length, bits >>> 4, (bits >>> 3) & 1, (bits >>> 2) & 1,
            (bits >>> 2) & 3, bits & 3);
    }

    public boolean isV2() {
        return version >= 2;
    }

    public String typeName() {
        return switch (type) {
            case TYPE_PROPOSAL -> "Proposal";
            case TYPE_ACCEPT -> "Accept";
            case TYPE_CONFIRM -> "Confirm";
            case TYPE_DECLINE -> "Decline";
            default -> "Unknown";
        };
    }

    public static boolean isEyecatcher(int value) {
        return value == EYECATCHER_SMCR || value == EYECATCHER_SMCD;
    }

    public static String eyecatcherName(int value) {
        return switch (value) {
            case EYECATCHER_SMCR -> "SMC-R";
            case EYECATCHER_SMCD -> "SMC-D";
            default -> "Unknown";
        };
    }

    public static String pathName(int path) {
        return switch (path) {
            case PATH_R -> "SMC-R";
            case PATH_D -> "SMC-D";
            case PATH_N -> "No SMC-R/SMC-D";
            case PATH_B -> "SMC-R + SMC-D";
            default -> "unknown";
        };
    }
}
