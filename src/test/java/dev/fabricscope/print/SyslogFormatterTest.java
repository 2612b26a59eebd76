package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syslog on UDP 514 against tcpdump 4.99 itself, in every verbosity, whole and cut after every byte. */
class SyslogFormatterTest {
    @TempDir
    Path dir;

    static List<Frame> frames() {
        String[] messages = {"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"] An app",
            "<0>", "<191>debug", "<999>x", "<1234>four digits", "no priority", "<12", "<>empty", "<7>\u0001\u00ff\t",
            "<13", "<"};
        List<Frame> f = new ArrayList<>();
        for (String m : messages) {
            byte[] payload = m.getBytes(StandardCharsets.ISO_8859_1);
            f.add(new Frame(ethernet(0x0800, ipv4(17, udp(40514, 514, payload, IP_A, IP_B)))));
        }
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(514, 514, new byte[0], IP_A, IP_B)))));
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-vv");
    }
}
