package dev.fabricscope.rdma;

/**
 * Text for {@code rdma icrc}: the line for a bad (or unchecked) frame, the summary, and the
 * {@code --explain-icrc} report. Renders only.
 */
public final class IcrcText {
    private IcrcText() { }

    /** "frame 7: RoCEv2 192.168.0.7 > 192.168.0.7 qp 0x0000d3: ICRC BAD: wire 78f353f4, computed 78f353f3". */
    public static void appendProblem(StringBuilder out, DecodedFrame.Transport t) {
        out.append("frame ").append(t.frame()).append(": ").append(t.encapsulation().label()).append(' ');
        if (t.slid() >= 0) out.append("lid ").append(t.slid()).append(" > lid ").append(t.dlid());
        else {
            AddressFormat.append(out, t.src());
            out.append(" > ");
            AddressFormat.append(out, t.dst());
        }
        out.append(String.format(" qp 0x%06x psn %d %s: ", t.bth().destQp(), t.bth().psn(), t.opcode().name()));
        problem(out, "ICRC", t.icrc(), t.icrcComputed(), t.icrcOnWire(), 8);
        if (t.vcrc() == IcrcStatus.INVALID || t.vcrc() == IcrcStatus.TRUNCATED) {
            out.append("; ");
            problem(out, "VCRC", t.vcrc(), t.vcrcComputed(), t.vcrcOnWire(), 4);
        }
        out.append('\n');
    }

    private static void problem(StringBuilder out, String name, IcrcStatus s, int computed, int onWire, int digits) {
        String fmt = "%0" + digits + "x";
        switch (s) {
            case VALID -> out.append(name).append(" ok");
            case INVALID -> out.append(name).append(" BAD: wire ").append(String.format(fmt, onWire))
                .append(", computed ").append(String.format(fmt, computed));
            case TRUNCATED -> out.append(name).append(" not checked: packet truncated by the capture");
            case NOT_APPLICABLE -> out.append(name).append(" none");
        }
    }

    /** "105 RoCE/IB frames: 104 ICRC valid, 1 invalid, 0 not checked (truncated)" (+ VCRC for IB). */
    public static void appendSummary(StringBuilder out, long frames, long valid, long invalid, long truncated,
                                     long vcrcValid, long vcrcInvalid) {
        out.append(frames).append(" RoCE/IB frame").append(frames == 1 ? "" : "s").append(": ").append(valid)
            .append(" ICRC valid, ").append(invalid).append(" invalid, ").append(truncated).append(" not checked (truncated)");
        if (vcrcValid + vcrcInvalid > 0) {
            out.append("; VCRC ").append(vcrcValid).append(" valid, ").append(vcrcInvalid).append(" invalid");
        }
        out.append('\n');
    }

    /**
     * The pseudo-packet as a hex dump (16 bytes a line, masked bytes marked with "^^" under them), the
     * masked fields by name, then computed and on-wire ICRC and the verdict.
     */
    public static void appendExplanation(StringBuilder out, long frame, IcrcExplanation e) {
        out.append("frame ").append(frame).append(": ");
        if (!e.status().checked()) {
            out.append(e.status() == IcrcStatus.TRUNCATED ? "ICRC not checked: packet truncated by the capture\n"
                : "not a RoCE/IB transport packet: no ICRC\n");
            return;
        }
        byte[] b = e.pseudoPacket();
        out.append(e.encapsulation()).append(", ICRC at frame offset ").append(e.icrcOffset()).append('\n');
        out.append("CRC-32 input: ").append(b.length).append(" bytes = ");
        if (e.prefixLength() > 0) out.append(e.prefixLength()).append(" x ff + ");
        out.append("frame bytes ").append(e.packetOffset()).append("..").append(e.icrcOffset() - 1)
            .append(" with variant fields set to ff (^^)\n");
        for (int line = 0; line < b.length; line += 16) {
            out.append(String.format("  %04x ", line));
            StringBuilder marks = new StringBuilder("       ");
            boolean any = false;
            for (int i = line; i < Math.min(b.length, line + 16); i++) {
                out.append(' ');
                AddressFormat.hex2(out, b[i] & 0xff);
                marks.append(e.masked()[i] ? " ^^" : "   ");
                any |= e.masked()[i];
            }
            out.append('\n');
            if (any) out.append(marks.toString().stripTrailing()).append('\n');
        }
        out.append("masked:\n");
        for (IcrcExplanation.MaskedField f : e.fields()) {
            out.append(String.format("  %04x", f.offset()));
            if (f.length() > 1) out.append(String.format("-%04x", f.offset() + f.length() - 1));
            else out.append("     ");
            out.append("  ").append(f.name()).append('\n');
        }
        out.append("computed ICRC: ");
        wireBytes(out, e.computed());
        out.append(String.format("  (CRC-32 0x%08x, sent least significant byte first)%n", Integer.reverseBytes(e.computed())));
        out.append("on-wire ICRC:  ");
        wireBytes(out, e.onWire());
        out.append(e.status() == IcrcStatus.VALID ? "  valid\n" : "  INVALID\n");
    }

    private static void wireBytes(StringBuilder out, int v) {
        for (int s = 24; s >= 0; s -= 8) {
            AddressFormat.hex2(out, (v >>> s) & 0xff);
            if (s > 0) out.append(' ');
        }
    }
}
