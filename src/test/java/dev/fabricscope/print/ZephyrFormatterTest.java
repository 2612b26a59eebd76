package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zephyr on UDP 2103 and 2104 against tcpdump 4.99 itself: every kind (and kinds strtol reads oddly: signs, blanks,
 * "0x", past a long), versions other than 0.2 and not Zephyr's, every class, instance and opcode print-zephyr.c
 * names, text longer than tcpdump's buffer and bytes it escapes, fields the UDP length ends or the capture cuts,
 * Zephyr's place among the UDP ports, in every verbosity, cut after every byte, and seeded mutants.
 */
class ZephyrFormatterTest extends TcpdumpConformance {
    private static final String LONG = "Abc".repeat(100);

    /** Text fields, each with its NUL. */
    static byte[] fields(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) b.append(f).append('\0');
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 0.2 notice: the header's 17 fields, then {@code more}. */
    static byte[] notice(String kind, String cls, String inst, String opcode, String sender, String recipient,
                         String... more) {
        List<String> f = new ArrayList<>(List.of("ZEPH0.2", "11", kind, "0a000001 5f3c2e1d 000a1b2c", "4e20", "1",
            "0", "", cls, inst, opcode, sender, recipient, "", "1a2b", "0", "0a000001 5f3c2e1d 000a1b2c"));
        f.addAll(List.of(more));
        return fields(f.toArray(String[]::new));
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static Frame udp4(byte[] payload) {
        return udp4(40000, ZephyrFormatter.SERVER_PORT, payload);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // every kind, and kinds as glibc's strtol reads them
        for (String kind : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "ff", "-1", " \t+7", "0x2",
                "0X3", "0x", "0xg", "2zz", "", "x", "7fffffff", "80000000", "ffffffffffffffff", "7fffffffffffffff",
                "8000000000000000", "-8000000000000000", "-8000000000000001", "123456789abcdef01", "-00000001")) {
            f.add(udp4(notice(kind, "MESSAGE", "PERSONAL", "", "alice@ATHENA.MIT.EDU", "bob@ATHENA.MIT.EDU")));
        }
        f.add(udp4(ZephyrFormatter.CLIENT_PORT, 40000,
            notice("2", "message", "personal", "PING", "", "bob@ATHENA.MIT.EDU")));
        // versions: not 0.2, longer, not Zephyr's, escaped bytes
        for (String version : List.of("ZEPH0.3", "ZEPH0.2x", "ZEPH", "ZEPH0", "ZEP", "", "zeph0.2", "ZEPH\u0001\u00ff\u007f")) {
            f.add(udp4(fields(version, "11", "2", "uid", "0", "0", "0", "", "c", "i", "o", "s", "r", "", "0", "0",
                "m")));
        }
        // serv-ack: sent, another word lowered, no word; a serv-ack subscription has no triple
        f.add(udp4(notice("5", "MESSAGE", "PERSONAL", "", "alice", "bob", "SENT")));
        f.add(udp4(notice("5", "MESSAGE", "PERSONAL", "", "alice", "bob", "LOST Ack\u00c0")));
        f.add(udp4(notice("5", "MESSAGE", "PERSONAL", "", "alice", "bob")));
        f.add(udp4(notice("5", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", "alice", "", "NOT-SENT", "c", "i", "r")));
        // USER_LOCATE
        for (String op : List.of("USER_HIDE", "USER_UNHIDE", "USER_LOCATE", "")) {
            f.add(udp4(notice("2", "USER_LOCATE", "alice@ATHENA", op, "alice", "")));
        }
        f.add(udp4(notice("2", "ZEPHYR_ADMIN", "", "ADMIN_HELLO", "server", "")));
        // ZEPHYR_CTL CLIENT: subscriptions with their triples (an empty recipient, one missing), the rest
        for (String op : List.of("SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE")) {
            f.add(udp4(notice("2", "ZEPHYR_CTL", "CLIENT", op, "alice", "", "MESSAGE", "PERSONAL", "bob")));
            f.add(udp4(notice("1", "ZEPHYR_CTL", "CLIENT", op, "alice", "", "message", "*", "")));
            f.add(udp4(notice("2", "ZEPHYR_CTL", "CLIENT", op, "alice", "", "MESSAGE", "PERSONAL")));
        }
        f.add(udp4(notice("2", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", "alice", "", LONG, LONG, LONG)));
        f.add(udp4(notice("2", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", "alice", "", "a\u0001\u0080", "b\u00ff", "")));
        for (String op : List.of("GIMME", "GIMMEDEFS", "CLEARSUB", "CANCEL_SUB", "", LONG)) {
            f.add(udp4(notice("2", "ZEPHYR_CTL", "CLIENT", op, "alice", "")));
        }
        f.add(udp4(notice("4", "ZEPHYR_CTL", "HM", "BOOT", "hm", "")));
        for (String op : List.of("ADD_SUBSCRIBE", "REQ_SUBSCRIBE", "RLM_SUBSCRIBE", "RLM_UNSUBSCRIBE", "OTHER")) {
            f.add(udp4(notice("2", "ZEPHYR_CTL", "REALM", op, "server", "")));
        }
        f.add(udp4(notice("2", "ZEPHYR_CTL", "OTHER", "OP", "alice", "")));
        f.add(udp4(notice("4", "HM_CTL", "SERVER_SHUTDOWN", "FLUSH", "", "")));
        f.add(udp4(notice("8", "HM_STAT", "HMST_CLIENT", "GIMMESTATS", "", "")));
        f.add(udp4(notice("8", "HM_STAT", "HMST_CLIENT", "OTHER", "", "")));
        f.add(udp4(notice("8", "HM_STAT", "OTHER", "GIMMESTATS", "", "")));
        f.add(udp4(notice("2", "WG_CTL", "WG_STARTUP", "Go", "wg", "")));
        f.add(udp4(notice("2", "WG_CTL", LONG, LONG, "wg", "")));
        for (String op : List.of("USER_FLUSH", "NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE",
                "NET-ANNOUNCED", "USER_LOGIN", "")) {
            f.add(udp4(notice("2", "LOGIN", "alice@ATHENA", op, "alice", "")));
        }
        // the rest: "to <class,inst,recipient>" and the opcode; long and escaped text
        f.add(udp4(notice("1", "MESSAGE", "PERSONAL", "PING", "alice", "bob")));
        f.add(udp4(notice("1", LONG, LONG, LONG, LONG, LONG)));
        f.add(udp4(notice("1", "m\u00e9ssage\u001b", "\u007f", "op\u0090", "\u00ffsender", "")));
        // too few fields for the UDP length: invalid; a notice with bytes after the UDP length
        f.add(udp4(fields("ZEPH0.2", "11", "2", "uid")));
        f.add(udp4(ascii("ZEPH0.2")));
        f.add(udp4(new byte[0]));
        f.add(udp4(concat(notice("1", "MESSAGE", "PERSONAL", "PING", "alice", "bob"), ascii("trailing"))));
        byte[] longer = notice("1", "MESSAGE", "PERSONAL", "PING", "alice", "bob");
        byte[] datagram = udp(40000, ZephyrFormatter.SERVER_PORT, longer, IP_A, IP_B);
        datagram[5] -= 3;   // the UDP length ends inside the last field
        f.add(new Frame(ethernet(0x0800, ipv4(17, datagram))));
        datagram = udp(40000, ZephyrFormatter.SERVER_PORT, notice("5", "MESSAGE", "P", "", "a", "b", "LOST"),
            IP_A, IP_B);
        datagram[5] -= 2;   // ... inside the serv-ack's word
        f.add(new Frame(ethernet(0x0800, ipv4(17, datagram))));
        return f;
    }

    /** The same notice from and to ports print-udp.c tries before or after Zephyr's. */
    static List<Frame> portOrderFrames() {
        byte[] n = notice("1", "MESSAGE", "PERSONAL", "PING", "alice", "bob");
        List<Frame> f = new ArrayList<>();
        for (int[] ports : new int[][] {{2103, 2104}, {2104, 2103}, {2103, 1701}, {137, 2104}, {2103, 3456},
            {3456, 2103}, {2104, 7000}, {7001, 2103}, {2104, 521}, {547, 2103}}) {
            f.add(udp4(ports[0], ports[1], n));
        }
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** print-udp.c: L2TP, VAT (to 3456) before Zephyr; AFS Rx, RIPng after it; either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(2103, 40000));
        assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(40000, 2104));
        assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(2104, 7000));
        assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(3456, 2103));
        assertEquals(UdpPorts.Decoder.VAT, UdpPorts.decoder(2103, 3456));
        assertEquals(UdpPorts.Decoder.L2TP, UdpPorts.decoder(2103, 1701));
        assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(137, 2104));   // NetBIOS: only with --enable-smb
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ZEPHYR", 2103, 4));
    }

    /** The frames short enough to cut after every byte: not the ones with text longer than tcpdump's buffer. */
    @Override
    List<Frame> cutFrames() {
        return frames().stream().filter(f -> f.bytes().length < 400).toList();
    }

    /** The notice, after the UDP header. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
