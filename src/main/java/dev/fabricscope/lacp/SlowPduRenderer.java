package dev.fabricscope.lacp;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.json.Rfc3339;

/**
 * Renders decoded slow-protocols PDUs ({@link SlowProtocolsParseResult}) as fabricscope's own text (one
 * line per PDU, {@code -v} adds indented detail lines) or as one JSON object per PDU. Never reads packet
 * bytes: everything comes from the records. Field names of the JSON object are documented in
 * {@link dev.fabricscope.cli.LacpCommand}.
 */
public final class SlowPduRenderer {
    private SlowPduRenderer() { }

    /** Short state form, bit 0 first: Activity, Timeout (short), aGgregation, Sync, Collecting, Distributing, deFaulted, Expired. */
    static final String STATE_LETTERS = "ATGSCDFE";
    private static final String[] JSON_STATE_NAMES = {
        "activity", "timeout", "aggregation", "synchronization", "collecting", "distributing", "defaulted", "expired"};

    /** What the capture says about the frame around the PDU. */
    public record FrameInfo(long frame, long timeNanos, String interfaceName, long srcMac) { }

    /**
     * "2009-11-15T04:02:10.267147Z 00:13:c4:12:0f:0d LACPv1 actor 32768,00:13:c4:12:0f:00 key 13 port
     * 32768,22 A.G....E -> partner 32768,00:0e:83:16:f5:00 key 13 port 32768,25 .TG.CD.." (one line; the
     * interface name follows the time when {@code withInterface}); with {@code verbose} the TLVs follow on
     * lines indented by four spaces. Ends with a newline.
     */
    public static void appendText(StringBuilder out, FrameInfo f, SlowProtocolsParseResult r, boolean withInterface,
                                  boolean verbose) {
        appendTime(out, f.timeNanos());
        out.append(' ');
        if (withInterface) out.append(f.interfaceName().isEmpty() ? "-" : f.interfaceName()).append(' ');
        LacpPortInfo.appendMac(out, f.srcMac());
        out.append(' ');
        SlowProtocolPdu pdu = r.pdu();
        switch (pdu) {
            case null -> { }
            case LacpPdu l -> lacpLine(out, l);
            case MarkerPdu m -> {
                out.append("MARKERv").append(m.version()).append(' ').append(m.kindName()).append(" requester ");
                LacpPortInfo.appendMac(out, m.requesterSystem());
                out.append(" port ").append(m.requesterPort()).append(" transaction 0x");
                hex(out, m.transactionId(), 8);
            }
            case OamPdu o -> {
                out.append("OAM ").append(o.codeName()).append(" flags [").append(String.join(", ", o.flagNames()));
                out.append(']');
            }
            case OsspPdu o -> {
                out.append("OSSP OUI ");
                ouiText(out, o.oui());
                if (o.oui() == OsspPdu.OUI_ITU_T) out.append(" (ITU-T)");
                if (o.itutSubtype() >= 0) {
                    out.append(" subtype ").append(o.itutSubtype());
                    if (o.itutSubtype() == 1) out.append(" (ESMC)");
                }
                out.append(", length ").append(o.length());
            }
            case UnknownSlowPdu u -> out.append("slow protocols subtype ").append(u.subtype());
        }
        if (r.error() != null) {
            if (pdu == null) out.append("[|").append(truncationTag(r)).append("] ").append(r.error());
            else out.append(" (malformed: ").append(r.error()).append(')');
        }
        out.append('\n');
        if (verbose && pdu != null) details(out, pdu);
    }

    private static String truncationTag(SlowProtocolsParseResult r) {
        String e = r.error();
        if (e.startsWith("Marker")) return "marker";
        if (e.startsWith("OAM")) return "oam";
        if (e.startsWith("OSSP")) return "ossp";
        return "lacp";
    }

    private static void lacpLine(StringBuilder out, LacpPdu l) {
        out.append("LACPv").append(l.version()).append(" actor ");
        portShort(out, l.actor());
        out.append(" -> partner ");
        portShort(out, l.partner());
    }

    private static void portShort(StringBuilder out, LacpPortInfo p) {
        out.append(p.systemPriority()).append(',');
        LacpPortInfo.appendMac(out, p.system());
        out.append(" key ").append(p.key()).append(" port ").append(p.portPriority()).append(',').append(p.port())
                .append(' ');
        stateLetters(out, p.state());
    }

    /** "A.G....E": each state bit's letter when set, '.' when not, bit 0 first. */
    public static void stateLetters(StringBuilder out, int state) {
        for (int i = 0; i < 8; i++) out.append((state & (1 << i)) != 0 ? STATE_LETTERS.charAt(i) : '.');
    }

    private static void details(StringBuilder out, SlowProtocolPdu pdu) {
        switch (pdu) {
            case LacpPdu l -> {
                portDetails(out, "actor  ", l.actor());
                portDetails(out, "partner", l.partner());
                if (l.collectorMaxDelay() >= 0) {
                    out.append("    collector max delay ").append(l.collectorMaxDelay()).append(" (x 10 us)\n");
                }
                for (LacpTlv t : l.extraTlvs()) {
                    out.append("    TLV 0x");
                    hex(out, t.type(), 2);
                    out.append(' ').append(t.name()).append(", length ").append(t.length());
                    switch (t) {
                        case LacpTlv.PortAlgorithm a -> {
                            out.append(": algorithm 0x");
                            hex(out, a.algorithm(), 8);
                        }
                        case LacpTlv.PortConversationIdDigest d ->
                            out.append(": link number ").append(d.linkNumberId()).append(", digest ").append(d.digestHex());
                        case LacpTlv.PortConversationMask m -> {
                            if (m.maskState() >= 0) out.append(": mask state 0x").append(Integer.toHexString(m.maskState()));
                            out.append(m.maskState() >= 0 ? ", " : ": ").append(m.maskHex().length() / 2).append("-byte mask");
                        }
                        case LacpTlv.PortConversationServiceMappingDigest d -> out.append(": digest ").append(d.digestHex());
                        case LacpTlv.Unknown u -> { }
                    }
                    out.append('\n');
                }
            }
            case MarkerPdu m -> out.append("    ").append(m.isResponse() ? "Marker Response" : "Marker Information")
                    .append(" TLV: requester port ").append(m.requesterPort()).append(", system ")
                    .append(LacpPortInfo.formatMac(m.requesterSystem())).append(", transaction ").append(m.transactionId())
                    .append('\n');
            default -> { }
        }
    }

    private static void portDetails(StringBuilder out, String role, LacpPortInfo p) {
        out.append("    ").append(role).append(" system ");
        LacpPortInfo.appendMac(out, p.system());
        out.append(" priority ").append(p.systemPriority()).append(", key ").append(p.key()).append(", port ")
                .append(p.port()).append(" priority ").append(p.portPriority()).append(", state 0x");
        hex(out, p.state(), 2);
        out.append(" [");
        boolean any = false;
        for (int i = 0; i < 8; i++) {
            if ((p.state() & (1 << i)) == 0) continue;
            if (any) out.append(", ");
            out.append(LacpPortInfo.STATE_NAMES.get(i));
            any = true;
        }
        out.append("] ").append(p.activity() ? "active" : "passive").append(", ")
                .append(p.timeout() ? "short timeout" : "long timeout").append(", ")
                .append(p.aggregation() ? "aggregatable" : "individual").append('\n');
    }

    /** One JSON object (one line, newline included) for the PDU. */
    public static void appendJson(StringBuilder out, FrameInfo f, SlowProtocolsParseResult r) {
        JsonLine j = new JsonLine(out).begin()
                .field("frame", f.frame());
        StringBuilder time = new StringBuilder(32);
        appendTime(time, f.timeNanos());
        j.field("time", time.toString())
                .field("interface", f.interfaceName().isEmpty() ? null : f.interfaceName())
                .field("src_mac", LacpPortInfo.formatMac(f.srcMac()));
        SlowProtocolPdu pdu = r.pdu();
        switch (pdu) {
            case null -> j.field("protocol", null);
            case LacpPdu l -> {
                j.field("protocol", "lacp").field("subtype", l.subtype()).field("version", l.version());
                portJson(j, "actor", l.actor());
                portJson(j, "partner", l.partner());
                if (l.collectorMaxDelay() >= 0) j.field("collector_max_delay", l.collectorMaxDelay());
                else j.field("collector_max_delay", null);
                j.array("tlvs");
                for (LacpTlv t : l.extraTlvs()) {
                    j.object().field("type", t.type()).field("name", t.name()).field("length", t.length());
                    switch (t) {
                        case LacpTlv.PortAlgorithm a -> j.field("algorithm", a.algorithm());
                        case LacpTlv.PortConversationIdDigest d ->
                            j.field("link_number_id", d.linkNumberId()).field("digest", d.digestHex());
                        case LacpTlv.PortConversationMask m -> {
                            if (m.maskState() >= 0) j.field("mask_state", m.maskState());
                            j.field("mask", m.maskHex());
                        }
                        case LacpTlv.PortConversationServiceMappingDigest d -> j.field("digest", d.digestHex());
                        case LacpTlv.Unknown u -> { }
                    }
                    j.close();
                }
                j.close();
            }
            case MarkerPdu m -> j.field("protocol", "marker").field("subtype", m.subtype()).field("version", m.version())
                    .field("marker_tlv", m.isResponse() ? "response" : "information")
                    .field("requester_port", m.requesterPort())
                    .field("requester_system", LacpPortInfo.formatMac(m.requesterSystem()))
                    .field("transaction_id", m.transactionId());
            case OamPdu o -> {
                j.field("protocol", "oam").field("subtype", o.subtype()).field("oam_code", o.code())
                        .field("oam_code_name", o.codeName()).field("oam_flags", o.flags()).array("oam_flag_names");
                for (String n : o.flagNames()) j.value(n);
                j.close();
            }
            case OsspPdu o -> {
                StringBuilder oui = new StringBuilder(8);
                ouiText(oui, o.oui());
                j.field("protocol", "ossp").field("subtype", o.subtype()).field("oui", oui.toString());
                if (o.itutSubtype() >= 0) j.field("itu_subtype", o.itutSubtype());
                else j.field("itu_subtype", null);
                j.field("length", o.length());
            }
            case UnknownSlowPdu u -> j.field("protocol", "unknown").field("subtype", u.subtype());
        }
        j.field("error", r.error());
        if (r.error() != null) j.field("error_offset", r.errorOffset());
        j.end();
    }

    private static void portJson(JsonLine j, String role, LacpPortInfo p) {
        j.field(role + "_system", LacpPortInfo.formatMac(p.system()))
                .field(role + "_system_priority", p.systemPriority())
                .field(role + "_key", p.key())
                .field(role + "_port", p.port())
                .field(role + "_port_priority", p.portPriority())
                .field(role + "_state", p.state())
                .array(role + "_state_flags");
        for (int i = 0; i < 8; i++) if ((p.state() & (1 << i)) != 0) j.value(JSON_STATE_NAMES[i]);
        j.close();
    }

    /**
     * RFC 3339 UTC time with nine fraction digits ("2009-11-15T04:02:10.267147000Z"), computed without
     * java.time (no allocation).
     */
    public static void appendTime(StringBuilder out, long epochNanos) {
        long nanos = Math.floorMod(epochNanos, 1_000_000_000L);
        Rfc3339.appendDateTime(out, Math.floorDiv(epochNanos, 1_000_000_000L));
        out.append('.');
        pad(out, nanos, 9);
        out.append('Z');
    }

    /** The RFC 3339 time as a string (for callers outside hot paths). */
    public static String rfc3339(long epochNanos) {
        StringBuilder out = new StringBuilder(30);
        appendTime(out, epochNanos);
        return out.toString();
    }

    private static void pad(StringBuilder out, long value, int digits) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        long limit = 1;
        for (int i = 1; i < digits; i++) limit *= 10;
        for (long l = limit; l > 1 && value < l; l /= 10) out.append('0');
        out.append(value);
    }

    private static void ouiText(StringBuilder out, int oui) {
        hex(out, oui >>> 16 & 0xff, 2);
        out.append('-');
        hex(out, oui >>> 8 & 0xff, 2);
        out.append('-');
        hex(out, oui & 0xff, 2);
    }

    private static void hex(StringBuilder out, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) out.append(Character.forDigit((int) (value >>> (4 * i)) & 0xf, 16));
    }
}
