package dev.fabricscope.print;

/**
 * An EAP packet (RFC 3748), in a RADIUS EAP-Message attribute or an EAPOL frame, as tcpdump 4.99's eap_print writes
 * it: code, identifier and length ("EAP fragment?" when the length is not the carrier's), then for requests and
 * responses the type and what tcpdump reads of it (identity, notification, Nak'd types, TLS/TTLS/FAST flags and
 * length, SIM/AKA subtype). Reads jump out past the capture; where eap_print checks the whole packet itself, the
 * carrier's marker (" [|radius]", " [|eap]") ends it without a jump.
 */
final class EapPacket {
    private static final int REQUEST = 1, RESPONSE = 2;
    private static final int IDENTITY = 1, NOTIFICATION = 2, NAK = 3, TLS = 13, SIM = 18, TTLS = 21, AKA = 23,
        FAST = 43;
    private static final int LENGTH_INCLUDED = 0x80;
    /** tcpdump's TLS flag names, in its table's order (high bit first). */
    private static final int[] TLS_FLAG_BITS = {0x80, 0x40, 0x20};
    private static final String[] TLS_FLAG_NAMES = {"L bit", "More fragments bit", "Start bit"};

    private final SnapshotBytes bytes;
    private final String truncated;

    /** @param truncated the carrier's truncation marker (eap_print's nd_print_trunc names the carrier) */
    EapPacket(SnapshotBytes bytes, String truncated) {
        this.bytes = bytes;
        this.truncated = truncated;
    }

    void print(int cp, int length, StringBuilder out) {
        int code = bytes.u8(cp);
        int len = bytes.u16(cp + 2);
        if (len != length) {
            out.append("EAP fragment?");
            return;
        }
        out.append(code(code)).append(" (").append(code).append("), id ").append(bytes.u8(cp + 1)).append(", len ")
            .append(len);
        if (len < 4) {
            out.append(" (too short for EAP header)");
            return;
        }
        if (cp + len > bytes.end()) {
            out.append(truncated);
            return;
        }
        if (code != REQUEST && code != RESPONSE) return;
        if (len < 5) {
            out.append(" (too short for EAP request/response)");
            return;
        }
        int type = bytes.u8(cp + 4);
        out.append("\n\t\t Type ").append(type(type)).append(" (").append(type).append(')');
        switch (type) {
            case IDENTITY -> {
                if (len > 5) {
                    out.append(", Identity: ");
                    LldpText.untilNul(bytes, cp + 5, len - 5, out);
                }
            }
            case NOTIFICATION -> {
                if (len < 6) {
                    out.append(" (too short for EAP Notification request/response)");
                    return;
                }
                out.append(", Notification: ");
                LldpText.untilNul(bytes, cp + 5, len - 5, out);
            }
            case NAK -> {
                if (len < 6) {
                    out.append(" (too short for EAP Legacy NAK request/response)");
                    return;
                }
                for (int i = 5; i < len; i++) {
                    int t = bytes.u8(cp + i);
                    if (i > 5) out.append(',');
                    out.append(' ').append(type(t)).append(" (").append(t).append(')');
                }
            }
            case TLS, TTLS, FAST -> {
                if (len < 6) {
                    out.append(type == FAST ? " (too short for EAP FAST request/response)"
                        : " (too short for EAP TLS/TTLS request/response)");
                    return;
                }
                int flags = bytes.u8(cp + 5);
                if (type == TTLS) out.append(" TTLSv").append(flags & 7);
                if (type == FAST) out.append(" FASTv").append(flags & 7);
                out.append(" flags [");
                tlsFlags(flags, out);
                out.append("] 0x");
                Text.hex(out, flags, 2);
                if ((flags & LENGTH_INCLUDED) != 0) {
                    if (len < 10) {
                        out.append(type == FAST ? " (too short for EAP FAST request/response with length)"
                            : " (too short for EAP TLS/TTLS request/response with length)");
                        return;
                    }
                    out.append(", len ").append(bytes.u32(cp + 6));
                }
            }
            case SIM, AKA -> {
                if (len < 6) {
                    out.append(" (too short for EAP SIM/AKA request/response)");
                    return;
                }
                int subtype = bytes.u8(cp + 5);
                out.append(" subtype [").append(subtype(subtype)).append("] 0x");
                Text.hex(out, subtype, 2);
            }
            default -> { }
        }
    }

    private static void tlsFlags(int flags, StringBuilder out) {
        boolean any = false;
        for (int i = 0; i < TLS_FLAG_BITS.length; i++) {
            if ((flags & TLS_FLAG_BITS[i]) == 0) continue;
            if (any) out.append(", ");
            out.append(TLS_FLAG_NAMES[i]);
            any = true;
        }
        if (!any) out.append("none");
    }

    private static String code(int code) {
        return switch (code) {
            case 1 -> "Request";
            case 2 -> "Response";
            case 3 -> "Success";
            case 4 -> "Failure";
            default -> "unknown";
        };
    }

    private static String type(int type) {
        return switch (type) {
            case 0 -> "No proposed";
            case 1 -> "Identity";
            case 2 -> "Notification";
            case 3 -> "Nak";
            case 4 -> "MD5-challenge";
            case 5 -> "OTP";
            case 6 -> "GTC";
            case 13 -> "TLS";
            case 18 -> "SIM";
            case 21 -> "TTLS";
            case 23 -> "AKA";
            case 43 -> "FAST";
            case 254 -> "Expanded types";
            case 255 -> "Experimental";
            default -> "unknown";
        };
    }

    private static String subtype(int subtype) {
        return switch (subtype) {
            case 1, 11 -> "Challenge";
            case 2 -> "Auth reject";
            case 4 -> "Sync failure";
            case 5 -> "Identity";
            case 10 -> "Start";
            case 12 -> "Notification";
            case 13 -> "Reauth";
            case 14 -> "Client error";
            default -> "unknown";
        };
    }
}
