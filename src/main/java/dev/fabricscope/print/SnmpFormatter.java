package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * SNMP (UDP 161 and 162) as tcpdump 4.99 prints it without libsmi (print-snmp.c): v1 and v2c messages with their
 * community (unless "public") and v3 messages with their flags, USM user and scoped PDU context; every PDU kind
 * (GetRequest, GetNextRequest, GetResponse, SetRequest, Trap, GetBulk, Inform, V2Trap, Report) with its error fields
 * or trap header and its variable bindings, each value by its BER type ({@link BerDecoder}). -v adds the braces,
 * the version, request IDs and USM boots/time. Malformed BER prints tcpdump's bracketed complaints; a message cut by
 * the capture ends with " [|snmp]" where tcpdump's does ({@link EarlyEnd} where its fetch macros jump out).
 * Object identifiers are numeric, as tcpdump -n prints them.
 */
final class SnmpFormatter {
    private static final int V1 = 0, V2C = 1, V3 = 3;
    private static final String[] VERSIONS = {"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"};
    private static final int GET = 0, GET_NEXT = 1, SET = 3, TRAP = 4, GET_BULK = 5, INFORM = 6, V2_TRAP = 7,
        REPORT = 8;
    private static final String[] ERROR_STATUS = {"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
        "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
        "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable",
        "inconsistentName"};
    private static final String[] GENERIC_TRAP = {"coldStart", "warmStart", "linkDown", "linkUp",
        "authenticationFailure", "egpNeighborLoss", "enterpriseSpecific"};
    private static final int ENTERPRISE_SPECIFIC = 6;
    private static final int USM = 3;
    private static final byte[] DEFAULT_COMMUNITY = {'p', 'u', 'b', 'l', 'i', 'c'};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final BerDecoder ber = new BerDecoder(bytes);
    private final BerElement e = new BerElement();

    SnmpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            out.append(' ');
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            out.append(BerDecoder.TRUNCATED);
        }
    }

    private void message(int np, int length, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.SEQUENCE) {
            unexpected("[!init SEQ]", out);
            return;
        }
        extra(count, length, "[", " extra after iSEQ]", out);
        length = (int) e.length;
        np = e.content;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[version!=INT]", out)) < 0) return;
        int version = e.integer;
        if (version != V1 && version != V2C && version != V3) {
            out.append("SNMP [version = ").append(version).append(']');
            return;
        }
        if (verbosity.verbose()) out.append("{ ").append(VERSIONS[version]).append(' ');
        length -= count;
        np += count;
        if (version == V3) v3Message(np, length, out);
        else community(np, length, version, out);
        if (verbosity.verbose()) out.append("} ");
    }

    /** v1/v2c: the community (unless tcpdump's default "public"), then the PDU. */
    private void community(int np, int length, int version, StringBuilder out) {
        int count = expect(np, length, BerElement.Kind.STRING, "[comm!=STR]", out);
        if (count < 0) return;
        if (!isDefaultCommunity()) {
            out.append("C=");
            ber.printString(e, out);
            out.append(' ');
        }
        pdu(np + count, length - count, version, out);
    }

    private boolean isDefaultCommunity() {
        if (e.length != DEFAULT_COMMUNITY.length) return false;
        for (int i = 0; i < DEFAULT_COMMUNITY.length; i++) {
            if (bytes.u8(e.content + i) != DEFAULT_COMMUNITY[i]) return false;
        }
        return true;
    }

    /** The PDU's name and length, then its fields by kind; v2-only PDUs in v1 and Trap in v2c are named, not read. */
    private void pdu(int np, int length, int version, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.PDU) {
            out.append("[no PDU]");
            return;
        }
        extra(count, length, "[", " extra after PDU]", out);
        if (verbosity.verbose()) out.append("{ ");
        ber.print(e, out);
        out.append(' ');
        int id = e.id;
        length = (int) e.length;
        np = e.content;
        if (version == V1 && (id == GET_BULK || id == INFORM || id == V2_TRAP || id == REPORT)) {
            out.append("[v2 PDU in v1 message]");
            return;
        }
        if (version == V2C && id == TRAP) {
            out.append("[v1 PDU in v2 message]");
            return;
        }
        if (id == TRAP) trap(np, length, out);
        else request(id, np, length, out);
        if (verbosity.verbose()) out.append(" } ");
    }

    /** Every PDU but the v1 Trap: request ID (-v), error status and index (GetBulk: non-repeaters, max-repetitions). */
    private void request(int id, int np, int length, StringBuilder out) {
        int count = expect(np, length, BerElement.Kind.INTEGER, "[reqId!=INT]", out);
        if (count < 0) return;
        if (verbosity.verbose()) out.append("R=").append(e.integer).append(' ');
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[errorStatus!=INT]", out)) < 0) return;
        boolean noErrorExpected = id == GET || id == GET_NEXT || id == SET || id == INFORM || id == V2_TRAP
            || id == REPORT;
        int errorStatus = 0;
        int value = e.integer;
        if (noErrorExpected && value != 0) {
            out.append("[errorStatus(");
            errorStatus(value, out);
            out.append(")!=0]");
        } else if (id == GET_BULK) {
            out.append(" N=").append(value);
        } else if (value != 0) {
            errorStatus(value, out.append(' '));
            errorStatus = value;
        }
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[errorIndex!=INT]", out)) < 0) return;
        value = e.integer;
        if (noErrorExpected && value != 0) {
            out.append("[errorIndex(").append(value).append(")!=0]");
        } else if (id == GET_BULK) {
            out.append(" M=").append(value);
        } else if (value != 0) {
            if (errorStatus == 0) out.append("[errorIndex(").append(value).append(") w/o errorStatus]");
            else out.append('@').append(value);
        } else if (errorStatus != 0) {
            out.append("[errorIndex==0]");
        }
        varBinds(id, np + count, length - count, out);
    }

    private static void errorStatus(int value, StringBuilder out) {
        if (value >= 0 && value < ERROR_STATUS.length) out.append(ERROR_STATUS[value]);
        else out.append("err=").append(Integer.toUnsignedLong(value));
    }

    /** The v1 Trap: enterprise, agent address, generic and specific trap, time stamp, then the bindings. */
    private void trap(int np, int length, StringBuilder out) {
        out.append(' ');
        int count = expect(np, length, BerElement.Kind.OID, "[enterprise!=OID]", out);
        if (count < 0) return;
        ber.print(e, out);
        length -= count;
        np += count;
        out.append(' ');
        if ((count = expect(np, length, BerElement.Kind.INET_ADDRESS, "[agent-addr!=INETADDR]", out)) < 0) return;
        ber.print(e, out);
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[generic-trap!=INT]", out)) < 0) return;
        int generic = e.integer;
        out.append(' ');
        if (generic >= 0 && generic < GENERIC_TRAP.length) out.append(GENERIC_TRAP[generic]);
        else out.append("gt=").append(generic);
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[specific-trap!=INT]", out)) < 0) return;
        if (generic != ENTERPRISE_SPECIFIC) {
            if (e.integer != 0) out.append("[specific-trap(").append(e.integer).append(")!=0]");
        } else {
            out.append(" s=").append(e.integer);
        }
        length -= count;
        np += count;
        out.append(' ');
        if ((count = expect(np, length, BerElement.Kind.UNSIGNED, "[time-stamp!=TIMETICKS]", out)) < 0) return;
        ber.print(e, out);
        varBinds(TRAP, np + count, length - count, out);
    }

    /** The sequence of bindings: " name" in requests, " name=value" otherwise. */
    private void varBinds(int id, int np, int length, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.SEQUENCE) {
            unexpected("[!SEQ of varbind]", out);
            return;
        }
        extra(count, length, "[", " extra after SEQ of varbind]", out);
        length = (int) e.length;
        np = e.content;
        boolean request = id == GET || id == GET_NEXT || id == GET_BULK;
        while (length != 0) {
            out.append(' ');
            if ((count = ber.parse(np, length, e, out)) < 0) return;
            if (e.kind != BerElement.Kind.SEQUENCE) {
                unexpected("[!varbind]", out);
                return;
            }
            int next = np + count;
            int left = length - count;
            length = (int) e.length;
            np = e.content;
            if ((count = expect(np, length, BerElement.Kind.OID, "[objName!=OID]", out)) < 0) return;
            ber.print(e, out);
            length -= count;
            np += count;
            if (!request) out.append('=');
            if (ber.parse(np, length, e, out) < 0) return;
            if (request) {
                if (e.kind != BerElement.Kind.NULL) {
                    out.append("[objVal!=NULL]");
                    ber.print(e, out);
                }
            } else if (e.kind != BerElement.Kind.NULL) {
                ber.print(e, out);
            }
            length = left;
            np = next;
        }
    }

    /** v3: the header (flags; security model, only USM read), the USM parameters, then the scoped PDU. */
    private void v3Message(int start, int total, StringBuilder out) {
        int count = ber.parse(start, total, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.SEQUENCE) {
            unexpected("[!message]", out);
            return;
        }
        int length = (int) e.length;
        int np = e.content;
        if (verbosity.verbose()) out.append("{ ");
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[msgID!=INT]", out)) < 0) return;
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[msgMaxSize!=INT]", out)) < 0) return;
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgFlags!=STR]", out)) < 0) return;
        if (e.length != 1) {
            out.append("[msgFlags size ").append(e.length).append(']');
            return;
        }
        int flags = bytes.u8(e.content);
        if (flags != 0x00 && flags != 0x01 && flags != 0x03 && flags != 0x04 && flags != 0x05 && flags != 0x07) {
            out.append("[msgFlags=0x");
            hexUpper(flags, out);
            out.append(']');
            return;
        }
        length -= count;
        np += count;
        out.append("F=");
        if ((flags & 1) != 0) out.append('a');
        if ((flags & 2) != 0) out.append('p');
        if ((flags & 4) != 0) out.append('r');
        out.append(' ');
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[msgSecurityModel!=INT]", out)) < 0) return;
        int model = e.integer;
        length -= count;
        np += count;
        extra(count, length, "[", " extra after message SEQ]", out);
        if (verbosity.verbose()) out.append("} ");
        if (model != USM) {
            out.append("[security model ").append(model).append(']');
            return;
        }
        if (verbosity.verbose()) out.append("{ USM ");
        // tcpdump goes on after the header sequence's last field, in what the whole message has left
        length = total - (np - start);
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgSecurityParameters!=STR]", out)) < 0) return;
        length -= count;
        usm(e.content, (int) e.length, out);
        if (verbosity.verbose()) out.append("} ");
        np += count;
        if (verbosity.verbose()) out.append("{ ScopedPDU ");
        scopedPdu(np, length, out);
        if (verbosity.verbose()) out.append("} ");
    }

    /** The USM security parameters: engine boots and time (-v) and the user name. */
    private void usm(int np, int length, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.SEQUENCE) {
            unexpected("[!usm]", out);
            return;
        }
        length = (int) e.length;
        np = e.content;
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgAuthoritativeEngineID!=STR]", out)) < 0) return;
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[msgAuthoritativeEngineBoots!=INT]", out)) < 0) {
            return;
        }
        if (verbosity.verbose()) out.append("B=").append(e.integer).append(' ');
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.INTEGER, "[msgAuthoritativeEngineTime!=INT]", out)) < 0) {
            return;
        }
        if (verbosity.verbose()) out.append("T=").append(e.integer).append(' ');
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgUserName!=STR]", out)) < 0) return;
        length -= count;
        np += count;
        out.append("U=");
        ber.printString(e, out);
        out.append(' ');
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgAuthenticationParameters!=STR]", out)) < 0) {
            return;
        }
        length -= count;
        np += count;
        if ((count = expect(np, length, BerElement.Kind.STRING, "[msgPrivacyParameters!=STR]", out)) < 0) return;
        length -= count;
        extra(count, length, "[", " extra after usm SEQ]", out);
    }

    /** The scoped PDU: context engine ID (hex) and context name, then the PDU. */
    private void scopedPdu(int np, int length, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return;
        if (e.kind != BerElement.Kind.SEQUENCE) {
            unexpected("[!scoped PDU]", out);
            return;
        }
        length = (int) e.length;
        np = e.content;
        if ((count = expect(np, length, BerElement.Kind.STRING, "[contextEngineID!=STR]", out)) < 0) return;
        length -= count;
        np += count;
        out.append("E=");
        ber.printOctets(e, out);
        out.append(' ');
        if ((count = expect(np, length, BerElement.Kind.STRING, "[contextName!=STR]", out)) < 0) return;
        length -= count;
        np += count;
        out.append("C=");
        ber.printString(e, out);
        out.append(' ');
        pdu(np, length, V3, out);
    }

    /**
     * Parses the next element and checks its kind: its byte count, or -1 when the parse failed or the kind is another
     * (then after {@code complaint} and the element as it is).
     */
    private int expect(int np, int length, BerElement.Kind kind, String complaint, StringBuilder out) {
        int count = ber.parse(np, length, e, out);
        if (count < 0) return -1;
        if (e.kind != kind) {
            unexpected(complaint, out);
            return -1;
        }
        return count;
    }

    private void unexpected(String complaint, StringBuilder out) {
        out.append(complaint);
        ber.print(e, out);
    }

    /** tcpdump's "[N extra after ...]" when an element took less than what was left. */
    private static void extra(int count, int length, String open, String close, StringBuilder out) {
        // unsigned, as tcpdump's u_int; the difference printed with its %d
        if (Integer.compareUnsigned(count, length) < 0) out.append(open).append(length - count).append(close);
    }

    private static void hexUpper(int value, StringBuilder out) {
        out.append(Character.toUpperCase(Character.forDigit(value >>> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(value & 0xf, 16)));
    }
}
