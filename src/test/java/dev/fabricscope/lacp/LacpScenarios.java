package dev.fabricscope.lacp;

import static dev.fabricscope.lacp.LacpPduBuilder.*;

import dev.fabricscope.lacp.LacpPduBuilder.Port;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The fault captures of {@code fabricscope lacp health}'s tests, README and bench, each built with
 * {@link LacpCapture} (one pcapng interface per link, both directions). Side A is system 02:00:00:00:0a:00 key 10,
 * side B 02:00:00:00:0b:00 key 20; link i is interface "eth" + i, A's port i+1 (MAC 02:00:00:00:0a:i+1) facing
 * B's port 101+i (MAC 02:00:00:00:0b:i+1). A sends at whole seconds, B half a second later. Main method: writes
 * one scenario to a file ({@code LacpScenarios NAME FILE}).
 */
public final class LacpScenarios {
    private LacpScenarios() { }

    public static final long SYS_A = 0x02000000_0a00L, SYS_B = 0x02000000_0b00L, SYS_C = 0x02000000_0c00L;
    public static final int KEY_A = 10, KEY_B = 20;

    public static Port portA(int link, int state) {
        return new Port(32768, SYS_A, KEY_A, 32768, link + 1, state);
    }

    public static Port portB(int link, int state) {
        return new Port(32768, SYS_B, KEY_B, 32768, 101 + link, state);
    }

    public static long macA(int link) {
        return SYS_A + link + 1;
    }

    public static long macB(int link) {
        return SYS_B + link + 1;
    }

    /** Link {@code link} healthy in both directions from {@code from} to {@code to} seconds. */
    public static void healthy(LacpCapture cap, int iface, int link, double from, double to, boolean fast) {
        int state = fast ? UP_FAST : UP_SLOW;
        double period = fast ? 1 : 30;
        cap.periodic(from, to, period, iface, macA(link), portA(link, state), portB(link, state));
        cap.periodic(from + 0.5, to, period, iface, macB(link), portB(link, state), portA(link, state));
    }

    /** A healthy LAG of {@code links} links for {@code seconds}. */
    public static LacpCapture healthyLag(int links, double seconds, boolean fast) {
        LacpCapture cap = new LacpCapture();
        for (int i = 0; i < links; i++) healthy(cap, cap.link("eth" + i), i, 0, seconds, fast);
        return cap;
    }

    /** Builds the named scenario (the names are the fault it shows, plus "healthy" and "one_sided"). */
    public static LacpCapture build(String name) {
        LacpCapture cap = new LacpCapture();
        switch (name) {
            case "healthy" -> {
                return healthyLag(4, 120, true);
            }
            case "split_lag" -> {
                // eth1 of A's key-10 aggregator goes to another system C
                healthy(cap, cap.link("eth0"), 0, 0, 30, true);
                int e1 = cap.link("eth1");
                Port c = new Port(32768, SYS_C, KEY_B, 32768, 7, UP_FAST);
                cap.periodic(0, 30, 1, e1, macA(1), portA(1, UP_FAST), c);
                cap.periodic(0.5, 30, 1, e1, SYS_C + 7, c, portA(1, UP_FAST));
            }
            case "crossed_lag" -> {
                // eth1 lands on B's port in another LAG (key 21)
                healthy(cap, cap.link("eth0"), 0, 0, 30, true);
                int e1 = cap.link("eth1");
                Port b = portB(1, UP_FAST).withKey(21);
                cap.periodic(0, 30, 1, e1, macA(1), portA(1, UP_FAST), b);
                cap.periodic(0.5, 30, 1, e1, macB(1), b, portA(1, UP_FAST));
            }
            case "looped" -> {
                // eth1: A's port 2 hears its own PDUs (each one captured going out and coming back)
                healthy(cap, cap.link("eth0"), 0, 0, 30, true);
                int e1 = cap.link("eth1");
                int state = ACTIVITY | TIMEOUT | AGGREGATION;
                cap.pdu(0, e1, macA(1), portA(1, state), Port.NONE);
                cap.pdu(0.0001, e1, macA(1), portA(1, state), Port.NONE);
                cap.periodic(1, 30, 1, e1, macA(1), portA(1, state), portA(1, state));
                cap.periodic(1.0001, 30, 1, e1, macA(1), portA(1, state), portA(1, state));
            }
            case "unidirectional" -> {
                // eth1: B's PDUs stop at 20 s; A keeps sending, goes Expired (3 s later) then Defaulted (6 s later)
                healthy(cap, cap.link("eth0"), 0, 0, 30, true);
                int e1 = cap.link("eth1");
                cap.periodic(0, 23, 1, e1, macA(1), portA(1, UP_FAST), portB(1, UP_FAST));
                cap.periodic(23, 26, 1, e1, macA(1), portA(1, ACTIVITY | TIMEOUT | AGGREGATION | EXPIRED),
                    portB(1, UP_FAST & ~SYNCHRONIZATION | TIMEOUT));
                cap.periodic(26, 30, 1, e1, macA(1), portA(1, ACTIVITY | TIMEOUT | AGGREGATION | DEFAULTED), Port.NONE);
                cap.periodic(0.5, 20, 1, e1, macB(1), portB(1, UP_FAST), portA(1, UP_FAST));
            }
            case "partner_timeout" -> {
                // eth1 goes quiet both ways from 15 s to 20 s, then resumes
                healthy(cap, cap.link("eth0"), 0, 0, 30, true);
                int e1 = cap.link("eth1");
                healthy(cap, e1, 1, 0, 15, true);
                healthy(cap, e1, 1, 20, 30, true);
            }
            case "timeout_mismatch" -> {
                // A asks for fast PDUs, B for slow: A sends every 30 s, B every second
                int e0 = cap.link("eth0");
                cap.periodic(0, 120, 30, e0, macA(0), portA(0, UP_FAST), portB(0, UP_SLOW));
                cap.periodic(0.5, 120, 1, e0, macB(0), portB(0, UP_SLOW), portA(0, UP_FAST));
            }
            case "slow_sender" -> {
                // both ask for fast PDUs, but B sends only every 30 s
                int e0 = cap.link("eth0");
                cap.periodic(0, 120, 1, e0, macA(0), portA(0, UP_FAST), portB(0, UP_FAST));
                cap.periodic(0.5, 120, 30, e0, macB(0), portB(0, UP_FAST), portA(0, UP_FAST));
            }
            case "passive_passive" -> {
                // eth1: both ends passive: three PDUs each at start-up, never in sync, then silence
                healthy(cap, cap.link("eth0"), 0, 0, 100, true);
                int e1 = cap.link("eth1");
                int state = TIMEOUT | AGGREGATION;
                cap.periodic(0, 3, 1, e1, macA(1), portA(1, state), portB(1, state));
                cap.periodic(0.5, 3, 1, e1, macB(1), portB(1, state), portA(1, state));
            }
            case "churn" -> {
                // eth0: A loses Synchronization for 2 s at 10, 20 and 30 s
                int e0 = cap.link("eth0");
                cap.periodic(0.5, 60, 1, e0, macB(0), portB(0, UP_FAST), portA(0, UP_FAST));
                int down = ACTIVITY | TIMEOUT | AGGREGATION;
                for (int s = 0; s < 60; s++) {
                    boolean out = s % 10 < 2 && s >= 10 && s < 40;
                    cap.pdu(s, e0, macA(0), portA(0, out ? down : UP_FAST), portB(0, UP_FAST));
                }
            }
            case "individual" -> {
                // eth0: A's port is Individual (Aggregation 0), B aggregates it
                int e0 = cap.link("eth0");
                int ind = UP_FAST & ~AGGREGATION;
                cap.periodic(0, 30, 1, e0, macA(0), portA(0, ind), portB(0, UP_FAST));
                cap.periodic(0.5, 30, 1, e0, macB(0), portB(0, UP_FAST), portA(0, ind));
            }
            case "not_synchronized" -> {
                // eth0: B never goes in sync (90 s)
                int e0 = cap.link("eth0");
                int out = ACTIVITY | TIMEOUT | AGGREGATION;
                cap.periodic(0, 90, 1, e0, macA(0), portA(0, UP_FAST), portB(0, out));
                cap.periodic(0.5, 90, 1, e0, macB(0), portB(0, out), portA(0, UP_FAST));
            }
            case "expired" -> {
                // eth0: only A's PDUs, A stuck Expired for 70 s
                int e0 = cap.link("eth0");
                cap.periodic(0, 70, 1, e0, macA(0), portA(0, ACTIVITY | TIMEOUT | AGGREGATION | EXPIRED),
                    portB(0, TIMEOUT | AGGREGATION));
            }
            case "defaulted" -> {
                // eth0: only A's PDUs, A Defaulted (no partner heard) for 70 s
                int e0 = cap.link("eth0");
                cap.periodic(0, 70, 1, e0, macA(0), portA(0, ACTIVITY | TIMEOUT | AGGREGATION | DEFAULTED), Port.NONE);
            }
            case "malformed" -> {
                healthy(cap, cap.link("eth0"), 0, 0, 10, true);
                byte[] bad = lacpdu(macA(0), portA(0, UP_FAST), portB(0, UP_FAST));
                bad[14 + 3] = 18; // Actor TLV length 18 instead of 20
                cap.add(LacpCapture.at(5.25), 0, bad);
            }
            case "one_sided" -> {
                // only A's PDUs on two links (an outbound-only capture), A in sync with B
                for (int i = 0; i < 2; i++) {
                    cap.periodic(0, 60, 1, cap.link("eth" + i), macA(i), portA(i, UP_FAST), portB(i, UP_FAST));
                }
            }
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
        return cap;
    }

    /** {@code LacpScenarios NAME FILE}: writes scenario NAME as pcapng. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LacpScenarios NAME FILE");
            System.exit(2);
        }
        build(args[0]).write(Path.of(args[1]));
    }
}
