package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Syslog on UDP 514 against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte and mutated. */
class SyslogFormatterTest extends TcpdumpConformance {
    static List<Frame> allFrames() {
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
        for (String m : new String[] {"<191>", "<192>past the facilities", "<7\u0000>", "<65535>", "<1a>x",
            "<13>msg with \u0000 nul, \u0080 high and \r\n", "<08>lead", "<>", "x<13>"}) {
            f.add(new Frame(ethernet(0x0800, ipv4(17, udp(40514, 514, m.getBytes(StandardCharsets.ISO_8859_1), IP_A,
                IP_B)))));
        }
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The syslog message: after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SYSLOG", 514, 20))
            // -vv adds a hex dump of the message.
            .cut("-x", "-v -x", "-vv -x");
    }
}
