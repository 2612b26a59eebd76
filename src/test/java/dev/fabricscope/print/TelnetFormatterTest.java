package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Telnet (RFC 854 commands, RFC 855 subnegotiation, the option RFCs' codes; TCP 23) against tcpdump 4.99 itself: option
 * negotiation, every command, subnegotiations of ordinary, authentication and encryption options, what ends the
 * commands, in every verbosity and with -X -vvv (a line per command), cut after every byte, and seeded mutants.
 */
class TelnetFormatterTest extends TcpdumpConformance {
    private static final int PSH_ACK = 0x18;

    private static Frame segment(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, PSH_ACK, 512, 0, new byte[0], payload,
            IP_A, IP_B))));
    }

    private static Frame telnet(String payload) {
        return segment(40000, 23, hex(payload));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(telnet("fffd01 fffb1f fffa1f 00500018 fff0 fffb18"));              // DO ECHO, WILL NAWS, SB NAWS
        f.add(segment(23, 40000, hex("fffa1801fff0")));                         // SB TERMINAL TYPE SEND
        f.add(telnet("fffa1800 787465726d fff0 6c73"));                          // IS "xterm", then data
        f.add(telnet("fffc28 fffeff fffbc8 fffd27 fffc00"));                     // options 40 up, 39, 0
        f.add(telnet("fff1 fff2 fff3 fff4 fff5 fff6 fff7 fff8 fff9 ffef ffee ffed ffec fff0"));   // every command
        f.add(telnet("ffff 41 fff1"));                                           // IAC IAC, then data
        f.add(telnet("41 fff1"));                                                // data first: nothing
        f.add(telnet("fff1 ff41 fff1"));                                         // not a command: the end
        f.add(telnet("fffa25 01 00 02 00 fff0 fffa25 00 08 01 fff0 fffa25 09 63 fff0 fffa25 02 fff0"));   // AUTH
        f.add(telnet("fffa26 01 01 02 fff0 fffa26 00 05 fff0 fffa26 0a 0a fff0 fffa26 fff0"));           // ENCRYPT
        f.add(telnet("fffa22 01 03 00 ff fff0 fffa22 07 fff0 fffa64 02 00 fff0")); // LINEMODE, qualifiers, 0x64
        f.add(telnet("fffa18 fff0"));                                            // empty subnegotiation
        f.add(telnet("fffb01 fffa18 00 41 42"));                                 // no IAC SE: the end
        f.add(telnet("fffb01 fffa18 01 ff"));                                    // a last IAC stands for IAC SE
        f.add(telnet("fffa18 00 4142434445464748494a fff0"));                   // longer than 8 bytes
        f.add(telnet("fffb"));                                                  // no option
        f.add(telnet("ff"));
        f.add(segment(23, 25, hex("fffd03")));                                  // Telnet before SMTP
        f.add(segment(80, 23, hex("fffd03")));                                  // ... and HTTP
        f.add(new Frame(ethernet(0x86dd, ipv6(6, tcp(23, 40001, 5, 6, PSH_ACK, 512, 0, new byte[0],
            hex("fffb01fffb03"), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));   // over IPv6
        return f;
    }

    /** -X with -vvv: each command on its own line with its bytes; -X, -x or -vvv alone do not. */
    @Test
    void commandLinesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "-X -vvv", "-X -vv", "-x -vvv", "-XX -vvv");
    }

    @Test
    void portOrderAsPrintTcp() {
        for (int port : new int[] {25, 43, 179, 1723, 6379, 22, 21, 80, 53, 646, 2049}) {
            assertEquals(TcpPorts.Decoder.TELNET, TcpPorts.decoder(23, port), "23 and " + port);
            assertEquals(TcpPorts.Decoder.TELNET, TcpPorts.decoder(port, 23), port + " and 23");
        }
    }

    /** Where the Telnet bytes start: after the 20-byte TCP header of our frames. */
    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 20;
    }

    /** The Telnet bytes: after the IPv4 and 20-byte TCP headers; mutated after the IP header's own length. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return payload(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("TELNET", 23, 15, 4, 0, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v", "-X -vvv")
            .mutated("-x", "-X -vvv")
            .allocation("-v");
    }
}
