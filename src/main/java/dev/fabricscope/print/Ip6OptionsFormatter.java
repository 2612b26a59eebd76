package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The IPv6 hop-by-hop and destination options headers (RFC 8200 4.3 and 4.6) as tcpdump prints them
 * (print-ip6opts.c): "HBH " and "DSTOPT ", with -v each option ("(pad1)", "(padn)", "(rtalert: 0x0000) ",
 * "(jumbo: N) ", "(homeaddr: a ...)", "(opt_type 0x1e: len=2)") and a closing space. Malformed router alert,
 * jumbo and home address options are named at every verbosity, and end the packet with "[|hbhopt]" or
 * "[|dstopt]". A hop-by-hop Jumbo Payload option with a zero IPv6 payload length gives the packet its length
 * ({@link #payloadLength}).
 */
final class Ip6OptionsFormatter {
    /** {@link #hopByHop}'s answer where tcpdump's fetch ran past the capture: nothing more is printed. */
    static final int JUMPED = -2;
    private static final int PAD1 = 0x00, PADN = 0x01, ROUTER_ALERT = 0x05, JUMBO = 0xc2, HOME_ADDRESS = 0xc9;
    private static final int ROUTER_ALERT_LENGTH = 4, JUMBO_LENGTH = 6, HOME_ADDRESS_MIN_LENGTH = 18;
    /** The smallest jumbo payload length RFC 2675 allows. */
    private static final long JUMBO_MIN = 65536;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes in = new SnapshotBytes();

    /** After {@link #hopByHop}: the IPv6 payload length, replaced by a valid jumbo payload option's. */
    long payloadLength;
    /** After {@link #hopByHop}: a valid jumbo payload option was found. */
    boolean foundJumbo;

    Ip6OptionsFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * @param at            the header
     * @param end           the snapshot end
     * @param payloadLength the IPv6 header's payload length
     * @return the header length; -1 when it printed its truncation marker; {@link #JUMPED}
     */
    int hopByHop(Packet p, int at, int end, long payloadLength, StringBuilder out) {
        this.payloadLength = payloadLength;
        this.foundJumbo = false;
        return header(p, at, end, true, "HBH ", " [|hbhopt]", out);
    }

    /** As {@link #hopByHop}, for a destination options header (whose options only -v lists). */
    int destination(Packet p, int at, int end, StringBuilder out) {
        return header(p, at, end, false, "DSTOPT ", " [|dstopt]", out);
    }

    private int header(Packet p, int at, int end, boolean hopByHop, String name, String marker, StringBuilder out) {
        try (var _ = in.reading(p, end)) {
            int length = (in.u8(at + 1) + 1) << 3;
            if (at + length > end) {
                out.append(marker);
                return -1;
            }
            out.append(name);
            if ((hopByHop || verbosity.verbose()) && !options(p, at + 2, length - 2, hopByHop, out)) {
                out.append(marker);
                return -1;
            }
            return length;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            out.append(marker);
            return JUMPED;
        }
    }

    /** The options of a header whose bytes are all captured; false where tcpdump stops (a truncation). */
    private boolean options(Packet p, int at, int len, boolean hopByHop, StringBuilder out) {
        boolean verbose = verbosity.verbose();
        boolean seenJumbo = false;
        int optionLength;
        for (int i = 0; i < len; i += optionLength) {
            int type = p.u8(at + i);
            if (type == PAD1) optionLength = 1;
            else if (i + 1 < len) optionLength = p.u8(at + i + 1) + 2;
            else return false;
            if (i + optionLength > len) return false;
            int dataLength = optionLength - 2;
            switch (type) {
                case PAD1 -> {
                    if (verbose) out.append("(pad1)");
                }
                case PADN -> {
                    if (verbose) out.append("(padn)");
                }
                case ROUTER_ALERT -> {
                    if (len - i < ROUTER_ALERT_LENGTH) {
                        out.append("(rtalert: trunc)");
                        return false;
                    }
                    if (dataLength != ROUTER_ALERT_LENGTH - 2) {
                        out.append("(rtalert: invalid len ").append(dataLength).append(')');
                        return false;
                    }
                    if (verbose) {
                        out.append("(rtalert: 0x");
                        Text.hex(out, p.u16(at + i + 2), 4);
                        out.append(") ");
                    }
                }
                case JUMBO -> {
                    if (len - i < JUMBO_LENGTH) {
                        out.append("(jumbo: trunc)");
                        return false;
                    }
                    if (dataLength != JUMBO_LENGTH - 2) {
                        out.append("(jumbo: invalid len ").append(dataLength).append(')');
                        return false;
                    }
                    jumbo(p.u32(at + i + 2), seenJumbo, hopByHop, verbose, out);
                    seenJumbo = true;
                }
                case HOME_ADDRESS -> {
                    if (len - i < HOME_ADDRESS_MIN_LENGTH) {
                        out.append("(homeaddr: trunc)");
                        return false;
                    }
                    if (dataLength < HOME_ADDRESS_MIN_LENGTH - 2) {
                        out.append("(homeaddr: invalid len ").append(dataLength).append(')');
                        return false;
                    }
                    if (verbose) {
                        out.append("(homeaddr: ");
                        Text.ipv6(out, p, at + i + 2);
                        if (dataLength > HOME_ADDRESS_MIN_LENGTH - 2
                                && !subOptions(p, at + i + HOME_ADDRESS_MIN_LENGTH,
                                               optionLength - HOME_ADDRESS_MIN_LENGTH, out)) {
                            return false;
                        }
                        out.append(')');
                    }
                }
                default -> {
                    if (verbose) {
                        out.append("(opt_type 0x");
                        Text.hex(out, type, 2);
                        out.append(": len=").append(dataLength).append(')');
                    }
                }
            }
        }
        if (verbose) out.append(' ');
        return true;
    }

    /** A Jumbo Payload option: valid only once, in a hop-by-hop header, with a zero IPv6 payload length, >= 65536. */
    private void jumbo(long length, boolean seenJumbo, boolean hopByHop, boolean verbose, StringBuilder out) {
        String problem;
        if (seenJumbo) {
            problem = " - already seen";
        } else if (!hopByHop) {
            problem = " - not a hop-by-hop option";
        } else if (payloadLength != 0) {
            problem = " - payload len != 0";
        } else if (length < JUMBO_MIN) {
            problem = " - < 65536";
        } else {
            problem = "";
            foundJumbo = true;
            payloadLength = length;
        }
        if (verbose) out.append("(jumbo: ").append(length).append(problem).append(") ");
    }

    /** The sub-options after a home address; false where tcpdump stops. */
    private static boolean subOptions(Packet p, int at, int len, StringBuilder out) {
        int optionLength;
        for (int i = 0; i < len; i += optionLength) {
            int type = p.u8(at + i);
            if (type == PAD1) optionLength = 1;
            else if (i + 1 < len) optionLength = p.u8(at + i + 1) + 2;
            else return false;
            if (i + optionLength > len) return false;
            switch (type) {
                case PAD1 -> out.append(", pad1");
                case PADN -> out.append(", padn");
                default -> {
                    out.append(", sopt_type 0x");
                    Text.hex(out, type, 2);
                    out.append(": len=").append(p.u8(at + i + 1));
                }
            }
        }
        return true;
    }
}
