package dev.fabricscope.print;

/**
 * The records of an sFlow sample as tcpdump 4.99 prints them (print-sflow.c), each on its own line: its enterprise,
 * name, format and length, then for the standard formats tcpdump decodes their fields: raw packet headers (protocol
 * and lengths, not the header itself), Ethernet frame data, extended switch data; generic interface, Ethernet,
 * 100BaseVG, VLAN and processor counters. The other standard flow formats (IPv4/IPv6 data, extended router, gateway,
 * user, URL, MPLS, NAT, VLAN tunnel) and token ring counters print their header line only, as tcpdump; unknown formats
 * of enterprise 0 in hex at -v only. As tcpdump, the enterprise of a flow record is its format's upper 20 bits but that
 * of a counter record its upper 12 (a counter format 0x1001 is "enterprise 0, Generic counter"), and a record's
 * decoder checks the rest of the sample rather than the record's own length.
 */
final class SflowRecords {
    private static final int RECORD_HEADER = 8;
    private static final int RAW_PACKET = 1, ETHERNET_FRAME = 2, IPV4_DATA = 3, IPV6_DATA = 4;
    private static final int EXTENDED_SWITCH = 1001, EXTENDED_VLAN_TUNNEL = 1012;
    private static final int GENERIC = 1, ETHERNET = 2, TOKEN_RING = 3, BASE_VG = 4, VLAN = 5, PROCESSOR = 1001;
    private static final String[] FLOW_EXTENDED_NAMES = {"Extended Switch data", "Extended Router data",
        "Extended Gateway data", "Extended User data", "Extended URL data", "Extended MPLS data", "Extended NAT data",
        "Extended MPLS tunnel", "Extended MPLS VC", "Extended MPLS FEC", "Extended MPLS LVP FEC",
        "Extended VLAN Tunnel"};
    private static final String[] DIRECTIONS = {"unknown", "full-duplex", "half-duplex", "in", "out"};
    private static final String FIELDS = "\n\t      ";

    private final Verbosity verbosity;
    private final SnapshotBytes bytes;

    SflowRecords(Verbosity verbosity, SnapshotBytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** {@code count} flow records at {@code at} in {@code left} bytes; false where tcpdump calls the sample invalid. */
    boolean flowRecords(long at, long left, long count, StringBuilder out) {
        for (; count > 0; count--) {
            if (left < RECORD_HEADER) return false;
            long format = bytes.u32(at);
            long length = bytes.u32(at + 4);
            long enterprise = format >>> 12;
            int type = (int) (format & 0x0fff);
            out.append("\n\t    enterprise ").append(enterprise).append(' ')
                .append(enterprise == 0 ? flowName(type) : "Unknown").append(" (").append(type).append(") length ")
                .append(length);
            at += RECORD_HEADER;
            left -= RECORD_HEADER;
            if (left < length) return false;
            if (enterprise == 0 && !flowRecord(at, left, type, length, out)) return false;
            at += length;
            left -= length;
        }
        return true;
    }

    private boolean flowRecord(long at, long left, int type, long length, StringBuilder out) {
        switch (type) {
            case RAW_PACKET -> {
                if (left < 16) return false;
                bytes.need(at, 16);
                long protocol = bytes.u32(at);
                out.append(FIELDS).append("protocol ").append(headerProtocol(protocol)).append(" (").append(protocol)
                    .append("), length ").append(bytes.u32(at + 4)).append(", stripped bytes ").append(bytes.u32(at + 8))
                    .append(", header_size ").append(bytes.u32(at + 12));
            }
            case ETHERNET_FRAME -> {
                if (left < 24) return false;
                bytes.need(at, 24);
                out.append(FIELDS).append("frame len ").append(bytes.u32(at)).append(", type ").append(bytes.u32(at + 20));
            }
            case EXTENDED_SWITCH -> {
                if (left < 16) return false;
                bytes.need(at, 16);
                out.append(FIELDS).append("src vlan ").append(bytes.u32(at)).append(", src pri ").append(bytes.u32(at + 4))
                    .append(", dst vlan ").append(bytes.u32(at + 8)).append(", dst pri ").append(bytes.u32(at + 12));
            }
            default -> {
                boolean known = type == IPV4_DATA || type == IPV6_DATA || type > EXTENDED_SWITCH
                    && type <= EXTENDED_VLAN_TUNNEL;
                if (!known && !verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t\t", length);
            }
        }
        return true;
    }

    /** {@code count} counter records at {@code at} in {@code left} bytes; false where tcpdump calls the sample invalid. */
    boolean counterRecords(long at, long left, long count, StringBuilder out) {
        for (; count > 0; count--) {
            if (left < RECORD_HEADER) return false;
            long format = bytes.u32(at);
            long length = bytes.u32(at + 4);
            long enterprise = format >>> 20;
            int type = (int) (format & 0x0fff);
            out.append("\n\t    enterprise ").append(enterprise).append(", ")
                .append(enterprise == 0 ? counterName(type) : "Unknown").append(" (").append(type).append(") length ")
                .append(length);
            at += RECORD_HEADER;
            left -= RECORD_HEADER;
            if (left < length) return false;
            if (enterprise == 0 && !counterRecord(at, left, type, length, out)) return false;
            at += length;
            left -= length;
        }
        return true;
    }

    private boolean counterRecord(long at, long left, int type, long length, StringBuilder out) {
        switch (type) {
            case GENERIC -> {
                if (left < 88) return false;
                generic(at, out);
            }
            case ETHERNET -> {
                if (left < 52) return false;
                ethernet(at, out);
            }
            case TOKEN_RING -> { }   // tcpdump decodes nothing of it
            case BASE_VG -> {
                if (left < 80) return false;
                baseVg(at, out);
            }
            case VLAN -> {
                if (left < 28) return false;
                bytes.need(at, 28);
                out.append(FIELDS).append("vlan_id ").append(bytes.u32(at)).append(", octets ");
                Text.u64(out, bytes.u64(at + 4));
                out.append(", unicast_pkt ").append(bytes.u32(at + 12)).append(", multicast_pkt ")
                    .append(bytes.u32(at + 16)).append(", broadcast_pkt ").append(bytes.u32(at + 20))
                    .append(", discards ").append(bytes.u32(at + 24));
            }
            case PROCESSOR -> {
                if (left < 28) return false;
                bytes.need(at, 28);
                out.append(FIELDS).append("5sec ").append(bytes.u32(at)).append(", 1min ").append(bytes.u32(at + 4))
                    .append(", 5min ").append(bytes.u32(at + 8)).append(", total_mem ");
                Text.u64(out, bytes.u64(at + 12));
                out.append(", total_mem ");   // tcpdump's label for the free memory too
                Text.u64(out, bytes.u64(at + 20));
            }
            default -> {
                if (!verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t\t", length);
            }
        }
        return true;
    }

    /** Each line's fields are fetched before it is written, as tcpdump's print of a line fetches all its arguments. */
    private void generic(long at, StringBuilder out) {
        bytes.need(at, 20);
        long direction = bytes.u32(at + 16);
        out.append(FIELDS).append("ifindex ").append(bytes.u32(at)).append(", iftype ").append(bytes.u32(at + 4))
            .append(", ifspeed ");
        Text.u64(out, bytes.u64(at + 8));
        out.append(", ifdirection ").append(direction).append(" (")
            .append(direction < DIRECTIONS.length ? DIRECTIONS[(int) direction] : "Unknown").append(')');
        long status = bytes.u32(at + 20);
        out.append(FIELDS).append("ifstatus ").append(status).append(", adminstatus: ")
            .append((status & 1) != 0 ? "up" : "down").append(", operstatus: ")
            .append((status >> 1 & 1) != 0 ? "up" : "down");
        bytes.need(at + 24, 24);
        out.append(FIELDS).append("In octets ");
        Text.u64(out, bytes.u64(at + 24));
        packets(at + 32, out);
        bytes.need(at + 48, 8);
        out.append(FIELDS).append("In errors ").append(bytes.u32(at + 48)).append(", unknown protos ")
            .append(bytes.u32(at + 52));
        bytes.need(at + 56, 24);
        out.append(FIELDS).append("Out octets ");
        Text.u64(out, bytes.u64(at + 56));
        packets(at + 64, out);
        bytes.need(at + 80, 8);
        out.append(FIELDS).append("Out errors ").append(bytes.u32(at + 80)).append(", promisc mode ")
            .append(bytes.u32(at + 84));
    }

    private void packets(long at, StringBuilder out) {
        out.append(", unicast pkts ").append(bytes.u32(at)).append(", multicast pkts ").append(bytes.u32(at + 4))
            .append(", broadcast pkts ").append(bytes.u32(at + 8)).append(", discards ").append(bytes.u32(at + 12));
    }

    private void ethernet(long at, StringBuilder out) {
        bytes.need(at, 20);
        out.append(FIELDS).append("align errors ").append(bytes.u32(at)).append(", fcs errors ").append(bytes.u32(at + 4))
            .append(", single collision ").append(bytes.u32(at + 8)).append(", multiple collision ")
            .append(bytes.u32(at + 12)).append(", test error ").append(bytes.u32(at + 16));
        bytes.need(at + 20, 16);
        out.append(FIELDS).append("deferred ").append(bytes.u32(at + 20)).append(", late collision ")
            .append(bytes.u32(at + 24)).append(", excessive collision ").append(bytes.u32(at + 28))
            .append(", mac trans error ").append(bytes.u32(at + 32));
        bytes.need(at + 36, 16);
        out.append(FIELDS).append("carrier error ").append(bytes.u32(at + 36)).append(", frames too long ")
            .append(bytes.u32(at + 40)).append(", mac receive errors ").append(bytes.u32(at + 44))
            .append(", symbol errors ").append(bytes.u32(at + 48));
    }

    private void baseVg(long at, StringBuilder out) {
        bytes.need(at, 12);
        out.append(FIELDS).append("in high prio frames ").append(bytes.u32(at)).append(", in high prio octets ");
        Text.u64(out, bytes.u64(at + 4));
        bytes.need(at + 12, 12);
        out.append(FIELDS).append("in norm prio frames ").append(bytes.u32(at + 12)).append(", in norm prio octets ");
        Text.u64(out, bytes.u64(at + 16));
        bytes.need(at + 24, 16);
        out.append(FIELDS).append("in ipm errors ").append(bytes.u32(at + 24)).append(", oversized ")
            .append(bytes.u32(at + 28)).append(", in data errors ").append(bytes.u32(at + 32))
            .append(", null addressed frames ").append(bytes.u32(at + 36));
        bytes.need(at + 40, 16);
        out.append(FIELDS).append("out high prio frames ").append(bytes.u32(at + 40)).append(", out high prio octets ");
        Text.u64(out, bytes.u64(at + 44));
        out.append(", trans into frames ").append(bytes.u32(at + 52));
        bytes.need(at + 56, 24);
        out.append(FIELDS).append("in hc high prio octets ");
        Text.u64(out, bytes.u64(at + 56));
        out.append(", in hc norm prio octets ");
        Text.u64(out, bytes.u64(at + 64));
        out.append(", out hc high prio octets ");
        Text.u64(out, bytes.u64(at + 72));
    }

    private static String flowName(int type) {
        return switch (type) {
            case RAW_PACKET -> "Raw packet";
            case ETHERNET_FRAME -> "Ethernet frame";
            case IPV4_DATA -> "IPv4 Data";
            case IPV6_DATA -> "IPv6 Data";
            default -> type >= EXTENDED_SWITCH && type <= EXTENDED_VLAN_TUNNEL
                ? FLOW_EXTENDED_NAMES[type - EXTENDED_SWITCH] : "Unknown";
        };
    }

    private static String counterName(int type) {
        return switch (type) {
            case GENERIC -> "Generic counter";
            case ETHERNET -> "Ethernet counter";
            case TOKEN_RING -> "Token ring counter";
            case BASE_VG -> "100 BaseVG counter";
            case VLAN -> "Vlan counter";
            case PROCESSOR -> "Processor counter";
            default -> "Unknown";
        };
    }

    private static String headerProtocol(long protocol) {
        if (protocol == 1) return "Ethernet";
        if (protocol == 11) return "IPv4";
        return protocol == 12 ? "IPv6" : "Unknown";
    }
}
