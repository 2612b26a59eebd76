package dev.fabricscope.lacp;

import static dev.fabricscope.lacp.LacpPduBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-capture builder checked by tshark: frames decode as LACP with the fields we set, on the right interface. */
class LacpCaptureTsharkTest {
    @TempDir
    Path tmp;

    @Test
    void tsharkDecodesOurFramesAsLacpWithTheFieldsWeSet() throws Exception {
        Oracles.requireTshark();
        Port a = new Port(32768, 0x020000000a00L, 13, 128, 22, UP_FAST);
        Port b = new Port(100, 0x020000000b00L, 0x1234, 255, 0x0117, UP_FAST | EXPIRED);
        Port c = new Port(1, 0x020000000c00L, 7, 2, 3, ACTIVITY | DEFAULTED);
        LacpCapture cap = new LacpCapture();
        int eth0 = cap.link("eth0");
        int eth1 = cap.link("eth1");
        cap.pdu(0.5, eth0, 0x020000000a01L, a, b);
        cap.pdu(1.25, eth1, 0x020000000c01L, c, Port.NONE);
        cap.pdu(0.75, eth0, 0x020000000b01L, b, a);   // written in time order: second
        Path f = cap.write(tmp.resolve("t.pcapng"));
        Oracles.Run r = Oracles.run(List.of("tshark", "-r", f.toString(), "-Y", "lacp", "-T", "fields", "-E", "separator=|",
            "-e", "frame.interface_name", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "eth.src",
            "-e", "lacp.actor.sys_priority", "-e", "lacp.actor.sysid", "-e", "lacp.actor.key",
            "-e", "lacp.actor.port_priority", "-e", "lacp.actor.port", "-e", "lacp.actor.state",
            "-e", "lacp.partner.sysid", "-e", "lacp.partner.key", "-e", "lacp.partner.port", "-e", "lacp.partner.state",
            "-e", "lacp.version"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
            "eth0|1767225600.500000000|124|02:00:00:00:0a:01|32768|02:00:00:00:0a:00|13|128|22|0x3f|02:00:00:00:0b:00|4660|279|0xbf|0x01",
            "eth0|1767225600.750000000|124|02:00:00:00:0b:01|100|02:00:00:00:0b:00|4660|255|279|0xbf|02:00:00:00:0a:00|13|22|0x3f|0x01",
            "eth1|1767225601.250000000|124|02:00:00:00:0c:01|1|02:00:00:00:0c:00|7|2|3|0x41|00:00:00:00:00:00|0|0|0x00|0x01"),
            r.out().lines().toList());
    }
}
