package dev.fabricscope.rdma.cm;

/**
 * RDMA-CM IP service IDs: 0x0000000001PPXXXX where PP is the port space (0x06 TCP, 0x11 UDP, 0x3F IB;
 * 0x02 IPoIB) and XXXX the IP port (librdmacm rdma_cma.h RDMA_PS_*; Wireshark "IP CM ServiceID").
 */
public final class ServiceIds {
    private ServiceIds() { }

    public static final long PS_TCP = 0x0106;
    public static final long PS_UDP = 0x0111;
    public static final long PS_IB = 0x013f;
    public static final long PS_IPOIB = 0x0002;

    /** The port space of an RDMA-CM IP service ID, or -1. */
    public static int portSpace(long serviceId) {
        long ps = serviceId >>> 16;
        return ps == PS_TCP || ps == PS_UDP || ps == PS_IB || ps == PS_IPOIB ? (int) ps : -1;
    }

    /** The IP port of an RDMA-CM IP service ID, or -1. */
    public static int port(long serviceId) {
        return portSpace(serviceId) < 0 ? -1 : (int) (serviceId & 0xffff);
    }

    public static String portSpaceName(int ps) {
        return switch (ps) {
            case 0x0106 -> "TCP";
            case 0x0111 -> "UDP";
            case 0x013f -> "IB";
            case 0x0002 -> "IPoIB";
            default -> null;
        };
    }

    /** Linux IPoIB connected mode listens on this IETF service ID ORed with its UD QPN (RFC 4755; ipoib_cm.c). */
    public static final long IPOIB_CM = 0x1000000000000000L;

    /** True for an IPoIB connected-mode service ID: {@link #IPOIB_CM} with a 24-bit QPN. */
    public static boolean isIpoibCm(long serviceId) {
        return (serviceId & ~0xffffffL) == IPOIB_CM;
    }

    public static long of(int portSpace, int port) {
        return ((long) portSpace << 16) | (port & 0xffff);
    }
}
