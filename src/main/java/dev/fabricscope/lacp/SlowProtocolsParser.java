package dev.fabricscope.lacp;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the slow-protocols PDU whose subtype octet the {@link dev.fabricscope.dissect.Dissector}
 * located ({@link Layers#slowProtocolsOffset}). Layouts from IEEE 802.1AX (LACPDU 6.4.2, Marker PDU
 * 6.5.3), IEEE 802.3 clause 57 (OAM) and Annex 57B (OSSP).
 *
 * <p>Every read is checked against the captured length first; nothing here throws on bad input. A
 * problem becomes a one-line {@link SlowProtocolsParseResult#error()} with the frame offset. A LACPDU is
 * returned whenever its Actor and Partner TLVs decoded, even if something after them is wrong (the
 * error then says what); TLV walking follows each TLV's length as tcpdump does, so one bad length does
 * not hide the TLVs after it. Stateless: safe to share.
 */
public final class SlowProtocolsParser {
    private SlowProtocolsParser() { }

    static final int TLV_TERMINATOR = 0, TLV_ACTOR = 1, TLV_PARTNER = 2, TLV_COLLECTOR = 3;
    static final int PORT_INFO_TLV_LENGTH = 20, COLLECTOR_TLV_LENGTH = 16, MARKER_TLV_LENGTH = 16;
    private static final int TLV_HEADER = 2;

    public static SlowProtocolsParseResult parse(Packet p, Layers l) {
        int off = l.slowProtocolsOffset;
        if (off < 0 || !p.has(off, 1)) return SlowProtocolsParseResult.NOT_SLOW;
        int subtype = p.u8(off);
        return switch (subtype) {
            case SlowProtocolPdu.SUBTYPE_LACP -> lacp(p, off);
            case SlowProtocolPdu.SUBTYPE_MARKER -> marker(p, off);
            case SlowProtocolPdu.SUBTYPE_OAM -> oam(p, off);
            case SlowProtocolPdu.SUBTYPE_OSSP -> ossp(p, off);
            default -> new SlowProtocolsParseResult(new UnknownSlowPdu(subtype), null, -1);
        };
    }

    private static SlowProtocolsParseResult lacp(Packet p, int off) {
        if (!p.has(off + 1, 1)) return SlowProtocolsParseResult.failed("LACPDU " + missing(p, off + 1, 1, "version"), off + 1);
        int version = p.u8(off + 1);
        LacpPortInfo actor = null, partner = null;
        int maxDelay = -1;
        List<LacpTlv> extra = List.of();
        String error = null;
        int errorOffset = -1;
        boolean terminated = false;
        int t = off + 2;
        while (p.has(t, TLV_HEADER)) {
            int type = p.u8(t), length = p.u8(t + 1);
            if (type == TLV_TERMINATOR) {
                terminated = true;
                break;
            }
            if (length < TLV_HEADER) {
                if (error == null) {
                    error = tlvName(type) + " TLV length " + length + ", minimum 2";
                    errorOffset = t + 1;
                }
                break;
            }
            if (!p.has(t, length)) {
                if (error == null) {
                    error = tlvName(type) + " TLV " + missing(p, t, length, "TLV");
                    errorOffset = t;
                }
                break;
            }
            String bad = null;
            switch (type) {
                case TLV_ACTOR, TLV_PARTNER -> {
                    if (length != PORT_INFO_TLV_LENGTH) {
                        bad = tlvName(type) + " TLV length " + length + ", expected " + PORT_INFO_TLV_LENGTH;
                    } else if (type == TLV_ACTOR && actor == null) {
                        actor = portInfo(p, t + TLV_HEADER);
                    } else if (type == TLV_PARTNER && partner == null) {
                        partner = portInfo(p, t + TLV_HEADER);
                    } else {
                        bad = "second " + tlvName(type) + " TLV";
                    }
                }
                case TLV_COLLECTOR -> {
                    if (length != COLLECTOR_TLV_LENGTH) {
                        bad = "Collector TLV length " + length + ", expected " + COLLECTOR_TLV_LENGTH;
                    } else if (maxDelay < 0) {
                        maxDelay = p.u16(t + TLV_HEADER);
                    } else {
                        bad = "second Collector TLV";
                    }
                }
                default -> {
                    if (extra.isEmpty()) extra = new ArrayList<>(4);
                    extra.add(v2Tlv(p, t, type, length));
                }
            }
            if (bad != null && error == null) {
                error = bad;
                errorOffset = t;
            }
            t += length;
        }
        if (actor == null || partner == null) {
            if (error == null) {
                error = "LACPDU without " + (actor == null ? "Actor" : "Partner") + " Information TLV";
                errorOffset = t;
            }
            return SlowProtocolsParseResult.failed(error, errorOffset);
        }
        if (error == null && maxDelay < 0) {
            error = "LACPDU without Collector Information TLV";
            errorOffset = t;
        }
        if (error == null && !terminated) {
            error = p.capLen() < p.origLen() ? "LACPDU truncated before its Terminator TLV" : "LACPDU ends without Terminator TLV";
            errorOffset = t;
        }
        LacpPdu pdu = new LacpPdu(version, actor, partner, maxDelay, extra);
        return new SlowProtocolsParseResult(pdu, error == null ? null : error + " (offset " + errorOffset + ")", errorOffset);
    }

    private static LacpPortInfo portInfo(Packet p, int v) {
        return new LacpPortInfo(p.u16(v), mac(p, v + 2), p.u16(v + 8), p.u16(v + 10), p.u16(v + 12), p.u8(v + 14));
    }

    /** A TLV other than Actor/Partner/Collector/Terminator; {@code p.has(t, length)} holds. */
    private static LacpTlv v2Tlv(Packet p, int t, int type, int length) {
        int v = t + TLV_HEADER;
        if (type == LacpTlv.PORT_ALGORITHM && length == 6) return new LacpTlv.PortAlgorithm(length, p.u32(v));
        if (type == LacpTlv.PORT_CONVERSATION_ID_DIGEST && length == 20) {
            return new LacpTlv.PortConversationIdDigest(length, p.u16(v), hex(p, v + 2, 16));
        }
        if (type == LacpTlv.PORT_CONVERSATION_MASK_1 && length == 131) {
            return new LacpTlv.PortConversationMask(length, 1, p.u8(v), hex(p, v + 1, 128));
        }
        if (type > LacpTlv.PORT_CONVERSATION_MASK_1 && type <= LacpTlv.PORT_CONVERSATION_MASK_4 && length == 130) {
            return new LacpTlv.PortConversationMask(length, type - LacpTlv.PORT_CONVERSATION_MASK_1 + 1, -1, hex(p, v, 128));
        }
        if (type == LacpTlv.PORT_CONVERSATION_SERVICE_MAPPING_DIGEST && length == 18) {
            return new LacpTlv.PortConversationServiceMappingDigest(length, hex(p, v, 16));
        }
        return new LacpTlv.Unknown(type, length);
    }

    private static SlowProtocolsParseResult marker(Packet p, int off) {
        if (!p.has(off + 1, 1)) return SlowProtocolsParseResult.failed("Marker PDU " + missing(p, off + 1, 1, "version"), off + 1);
        int version = p.u8(off + 1);
        int t = off + 2;
        if (!p.has(t, TLV_HEADER)) return SlowProtocolsParseResult.failed("Marker PDU " + missing(p, t, TLV_HEADER, "TLV header"), t);
        int type = p.u8(t), length = p.u8(t + 1);
        if (type != MarkerPdu.INFORMATION && type != MarkerPdu.RESPONSE) {
            return SlowProtocolsParseResult.failed("Marker TLV type " + type + ", expected 1 (Information) or 2 (Response)", t);
        }
        String name = type == MarkerPdu.INFORMATION ? "Marker Information" : "Marker Response";
        if (length != MARKER_TLV_LENGTH) {
            return SlowProtocolsParseResult.failed(name + " TLV length " + length + ", expected " + MARKER_TLV_LENGTH, t + 1);
        }
        if (!p.has(t, length)) return SlowProtocolsParseResult.failed(name + " TLV " + missing(p, t, length, "TLV"), t);
        int v = t + TLV_HEADER;
        MarkerPdu pdu = new MarkerPdu(version, type, p.u16(v), mac(p, v + 2), p.u32(v + 8));
        int end = t + length;
        if (!p.has(end, TLV_HEADER)) {
            return new SlowProtocolsParseResult(pdu, "Marker PDU without Terminator TLV (offset " + end + ")", end);
        }
        if (p.u8(end) != TLV_TERMINATOR || p.u8(end + 1) != 0) {
            return new SlowProtocolsParseResult(pdu, "Marker PDU: TLV type " + p.u8(end) + " length " + p.u8(end + 1)
                    + " where the Terminator TLV belongs (offset " + end + ")", end);
        }
        return new SlowProtocolsParseResult(pdu, null, -1);
    }

    private static SlowProtocolsParseResult oam(Packet p, int off) {
        if (!p.has(off + 1, 3)) return SlowProtocolsParseResult.failed("OAM PDU " + missing(p, off + 1, 3, "flags and code"), off + 1);
        return new SlowProtocolsParseResult(new OamPdu(p.u16(off + 1), p.u8(off + 3)), null, -1);
    }

    private static SlowProtocolsParseResult ossp(Packet p, int off) {
        if (!p.has(off + 1, 3)) return SlowProtocolsParseResult.failed("OSSP PDU " + missing(p, off + 1, 3, "OUI"), off + 1);
        int oui = p.u8(off + 1) << 16 | p.u16(off + 2);
        int itut = oui == OsspPdu.OUI_ITU_T && p.has(off + 4, 2) ? p.u16(off + 4) : -1;
        int length = Math.max(0, p.origLen() - off);
        return new SlowProtocolsParseResult(new OsspPdu(oui, itut, length), null, -1);
    }

    /** "truncated: 20 bytes needed at offset 30, 12 captured" (or "too short" when the frame itself ends). */
    private static String missing(Packet p, int at, int needed, String what) {
        int have = Math.max(0, p.capLen() - at);
        String kind = p.capLen() < p.origLen() ? "truncated" : "too short";
        return kind + ": " + what + " needs " + needed + " bytes at offset " + at + ", " + have
                + (kind.equals("truncated") ? " captured" : " left");
    }

    private static String tlvName(int type) {
        return switch (type) {
            case TLV_ACTOR -> "Actor";
            case TLV_PARTNER -> "Partner";
            case TLV_COLLECTOR -> "Collector";
            default -> "TLV 0x" + Integer.toHexString(type) + " (" + LacpTlv.nameOf(type) + ")";
        };
    }

    private static long mac(Packet p, int off) {
        return (long) p.u16(off) << 32 | p.u32(off + 2);
    }

    private static String hex(Packet p, int off, int len) {
        StringBuilder out = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            int b = p.u8(off + i);
            out.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
