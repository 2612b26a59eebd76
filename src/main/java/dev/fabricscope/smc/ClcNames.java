package dev.fabricscope.smc;

/** Names of CLC code points, worded as smc-clc (hwipl/smc-go) prints them; newer kernel codes as in smc_clc.h. */
public final class ClcNames {
    private ClcNames() { }

    /**
     * Name of a Decline peer diagnosis code (kernel net/smc/smc_clc.h SMC_CLC_DECL_*); "Unknown" otherwise.
     * Codes smc-go knows keep its wording (so 0x09990003 stays "reg rmb failed"); the codes it lacks use the
     * kernel's comments.
     */
    public static String declineReason(long code) {
        return switch ((int) code) {
            case 0x01010000 -> "insufficient memory resources";
            case 0x02010000 -> "timeout w4 QP confirm link";
            case 0x02020000 -> "timeout w4 QP add link";
            case 0x03000000 -> "configuration error";
            case 0x03010000 -> "peer did not indicate SMC";
            case 0x03020000 -> "IPsec usage";
            case 0x03030000 -> "no SMC device found (R or D)";
            case 0x03030001 -> "no SMC-D device found";
            case 0x03030002 -> "no SMC-R device found";
            case 0x03030003 -> "hardware has no ISMv2 support";
            case 0x03030004 -> "peer sent no clc v2 extension";
            case 0x03030005 -> "peer sent no clc SMC-Dv2 ext.";
            case 0x03030006 -> "peer sent no SEID";
            case 0x03030007 -> "no SMC-Dv2 device found";
            case 0x03030008 -> "peer sent no UEID";
            case 0x03030009 -> "release version negotiate failed";
            case 0x0303000a -> "max connections negotiate failed";
            case 0x0303000b -> "max links negotiate failed";
            case 0x03040000 -> "smc modes do not match (R or D)";
            case 0x03050000 -> "peer has eyecatcher in RMBE";
            case 0x03060000 -> "fastopen sockopt not supported";
            case 0x03070000 -> "IP prefix / subnet mismatch";
            case 0x03080000 -> "err to get vlan id of ip device";
            case 0x03090000 -> "err to reg vlan id on ism dev";
            case 0x030a0000 -> "no active smc-r link in lgr";
            case 0x030b0000 -> "SMC-R link from srv not found";
            case 0x030c0000 -> "SMC version mismatch";
            case 0x030d0000 -> "SMC-D DMB limit exceeded";
            case 0x030e0000 -> "SMC-Rv2 conn. no route to peer";
            case 0x030f0000 -> "SMC-Rv2 conn. indirect mismatch";
            case 0x04000000 -> "synchronization error";
            case 0x05000000 -> "peer declined during handshake";
            case 0x09990000 -> "internal error";
            case 0x09990001 -> "rtoken handling failed";
            case 0x09990002 -> "ib ready link failed";
            case 0x09990003 -> "reg rmb failed";
            default -> "Unknown";
        };
    }

    /** A peer diagnosis code as the kernel writes it: "0x03030000" (8 hex digits). */
    public static String codeHex(long code) {
        return String.format("0x%08x", code);
    }

    /** OS type of SMCv2 Decline and first-contact extension. */
    public static String osType(int type) {
        return switch (type) {
            case 1 -> "z/OS";
            case 2 -> "Linux";
            case 3 -> "AIX";
            default -> "unknown";
        };
    }

    /** IB MTU enum of SMC-R Accept/Confirm. */
    public static String qpMtu(int mtu) {
        return switch (mtu) {
            case 1 -> "256";
            case 2 -> "512";
            case 3 -> "1024";
            case 4 -> "2048";
            case 5 -> "4096";
            default -> "reserved";
        };
    }

    /** RMBE/DMBE size in bytes from its 4-bit compressed form (2^(n+14)). */
    public static long bufferSize(int compressed) {
        return 1L << (compressed + 14);
    }
}
