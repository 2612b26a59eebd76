package dev.fabricscope.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Capture devices as pcap_findalldevs lists them (the list tcpdump -D prints). */
public final class Devices {
    private Devices() { }

    // PCAP_IF_* flags (pcap/pcap.h)
    public static final int IF_LOOPBACK = 0x1, IF_UP = 0x2, IF_RUNNING = 0x4, IF_WIRELESS = 0x8;
    public static final int IF_CONNECTION_STATUS = 0x30, IF_CONNECTED = 0x10, IF_DISCONNECTED = 0x20,
        IF_STATUS_NOT_APPLICABLE = 0x30;

    // Linux address families (sys/socket.h)
    private static final int AF_INET = 2, AF_INET6 = 10, AF_PACKET = 17;

    /**
     * One device.
     * @param addresses its addresses as text ("127.0.0.1", "::1", link-layer "02:fc:00:00:00:01")
     */
    public record Device(String name, String description, int flags, List<String> addresses) {
        public Device {
            addresses = List.copyOf(addresses);
        }

        public boolean loopback() {
            return (flags & IF_LOOPBACK) != 0;
        }

        public boolean up() {
            return (flags & IF_UP) != 0;
        }

        public boolean running() {
            return (flags & IF_RUNNING) != 0;
        }
    }

    /** pcap_findalldevs (the list is freed before returning). */
    public static List<Device> findAll() {
        Libpcap lib = Libpcap.load();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment head = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment errbuf = arena.allocate(PcapLayouts.ERRBUF_SIZE);
            int rc;
            try {
                rc = (int) lib.pcapFindalldevs.handle().invokeExact(head, errbuf);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_findalldevs", t);
            }
            if (rc != 0) throw new LibpcapException(errbuf.getString(0));
            MemorySegment first = head.get(ValueLayout.ADDRESS, 0);
            try {
                List<Device> out = new ArrayList<>();
                for (MemorySegment d = first; !d.equals(MemorySegment.NULL);
                     d = d.reinterpret(PcapLayouts.PCAP_IF.byteSize()).get(ValueLayout.ADDRESS, PcapLayouts.IF_NEXT)) {
                    MemorySegment dev = d.reinterpret(PcapLayouts.PCAP_IF.byteSize());
                    out.add(new Device(
                        Libpcap.cString(dev.get(ValueLayout.ADDRESS, PcapLayouts.IF_NAME)),
                        Libpcap.cString(dev.get(ValueLayout.ADDRESS, PcapLayouts.IF_DESCRIPTION)),
                        dev.get(ValueLayout.JAVA_INT, PcapLayouts.IF_FLAGS),
                        addresses(dev.get(ValueLayout.ADDRESS, PcapLayouts.IF_ADDRESSES))));
                }
                return out;
            } finally {
                if (!first.equals(MemorySegment.NULL)) {
                    try {
                        lib.pcapFreealldevs.handle().invokeExact(first);
                    } catch (Throwable t) {
                        throw Libpcap.failure("pcap_freealldevs", t);
                    }
                }
            }
        }
    }

    private static List<String> addresses(MemorySegment first) {
        List<String> out = new ArrayList<>();
        long size = PcapLayouts.PCAP_ADDR.byteSize();
        for (MemorySegment a = first; !a.equals(MemorySegment.NULL);
             a = a.reinterpret(size).get(ValueLayout.ADDRESS, PcapLayouts.ADDR_NEXT)) {
            String text = sockaddr(a.reinterpret(size).get(ValueLayout.ADDRESS, PcapLayouts.ADDR_ADDR));
            if (text != null) out.add(text);
        }
        return out;
    }

    /** sockaddr_in / sockaddr_in6 / sockaddr_ll as text; null for other families or NULL. */
    private static String sockaddr(MemorySegment sa) {
        if (sa.equals(MemorySegment.NULL)) return null;
        MemorySegment s = sa.reinterpret(28);   // sizeof(struct sockaddr_in6), the largest we read
        int family = s.get(ValueLayout.JAVA_SHORT, 0) & 0xffff;  // sa_family_t, host order
        try {
            return switch (family) {
                case AF_INET -> InetAddress.getByAddress(s.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)).getHostAddress();
                case AF_INET6 -> InetAddress.getByAddress(s.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE)).getHostAddress();
                case AF_PACKET -> {
                    // sockaddr_ll: family, protocol, ifindex, hatype, pkttype, halen (offset 11), addr[8] (offset 12)
                    int halen = Math.min(8, s.get(ValueLayout.JAVA_BYTE, 11) & 0xff);
                    yield halen == 0 ? null : HexFormat.ofDelimiter(":").formatHex(s.asSlice(12, halen).toArray(ValueLayout.JAVA_BYTE));
                }
                default -> null;
            };
        } catch (UnknownHostException e) {
            return null;   // cannot happen for 4/16-byte arrays
        }
    }
}
