package dev.fabricscope.rdma;

import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.testing.Oracles;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpcodeTest {
    /** Every opcode Wireshark names has our name for it (oracle: {@code tshark -G values}). */
    @Test
    void namesAreWiresharks() {
        Oracles.requireTshark();
        Oracles.Run run = Oracles.run("tshark", "-G", "values");
        Map<Integer, String> tshark = new HashMap<>();
        for (String line : run.out().split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 4 && f[0].equals("V") && f[1].equals("infiniband.bth.opcode")) {
                tshark.put(Integer.parseInt(f[2]), f[3]);
            }
        }
        assertTrue(tshark.size() > 80, "tshark -G values lists the opcodes: " + tshark.size());
        for (var e : tshark.entrySet()) {
            Opcode op = Opcode.of(e.getKey());
            if (e.getValue().endsWith("Reserved")) {
                assertFalse(op.defined(), e.toString());   // 0x15: reserved in IBTA
                continue;
            }
            assertTrue(op.defined(), e.toString());
            assertEquals(e.getValue(), op.wiresharkName(), "opcode " + e.getKey());
        }
    }

    @Test
    void shortNamesAndFamilies() {
        assertEquals("RC SEND First", Opcode.of(0x00).name());
        assertEquals("UC SEND Only", Opcode.of(0x24).name());
        assertEquals("UD SEND only", Opcode.of(0x64).name());
        assertEquals("CNP", Opcode.of(0x81).name());
        assertEquals("CNP", Opcode.of(0x80).name());
        assertTrue(Opcode.of(0x81).isCnp());
        assertEquals("RC ATOMIC WRITE", Opcode.of(0x1d).name());
        assertEquals("RC FLUSH", Opcode.of(0x1c).name());
        assertEquals(TransportFamily.XRC, Opcode.of(0xa4).family());
        assertEquals(TransportFamily.VENDOR, Opcode.of(0xc0).family());
        assertFalse(Opcode.of(0x15).defined());
        assertFalse(Opcode.of(0x2c).defined());   // UC has no READ
        assertEquals("RC Unknown", Opcode.of(0x15).name());
    }

    /** Extended header sets from IBTA vol. 1 section 9.3 ("packet header layout" per opcode). */
    @Test
    void extendedHeaders() {
        assertEquals(0, Opcode.extendedHeadersLength(0x04));                 // RC SEND Only
        assertEquals(4, Opcode.extendedHeadersLength(0x05));                 // + ImmDt
        assertEquals(16, Opcode.extendedHeadersLength(0x0a));                // RDMA WRITE Only: RETH
        assertEquals(20, Opcode.extendedHeadersLength(0x0b));                // RETH + ImmDt
        assertEquals(16, Opcode.extendedHeadersLength(0x0c));                // READ Request: RETH
        assertEquals(4, Opcode.extendedHeadersLength(0x0d));                 // READ resp First: AETH
        assertEquals(0, Opcode.extendedHeadersLength(0x0e));                 // READ resp Middle
        assertEquals(4, Opcode.extendedHeadersLength(0x11));                 // ACK: AETH
        assertEquals(12, Opcode.extendedHeadersLength(0x12));                // AETH + AtomicAckETH
        assertEquals(28, Opcode.extendedHeadersLength(0x13));                // AtomicETH
        assertEquals(4, Opcode.extendedHeadersLength(0x17));                 // IETH
        assertEquals(20, Opcode.extendedHeadersLength(0x1c));                // FLUSH: FETH + RETH
        assertEquals(8, Opcode.extendedHeadersLength(0x64));                 // UD: DETH
        assertEquals(12, Opcode.extendedHeadersLength(0x65));                // DETH + ImmDt
        assertEquals(4 + 8 + 16 + 4, Opcode.extendedHeadersLength(0x4b));    // RD WRITE Only Imm
        assertEquals(4 + 4, Opcode.extendedHeadersLength(0x51));             // RD ACK: RDETH + AETH
        assertEquals(4 + 16, Opcode.extendedHeadersLength(0xaa));            // XRC WRITE Only: XRCETH + RETH
        assertEquals(4, Opcode.extendedHeadersLength(0xb1));                 // XRC ACK: AETH only
        assertEquals(0, Opcode.extendedHeadersLength(0x81));
        assertEquals(0, Opcode.extendedHeadersLength(0xff));
        // order: ImmDt after RETH; AtomicAckETH after AETH
        Opcode writeImm = Opcode.of(0x0b);
        assertEquals(100 + 12, writeImm.offsetOf(100, ExtendedHeader.RETH));
        assertEquals(100 + 28, writeImm.offsetOf(100, ExtendedHeader.IMM_DT));
        assertEquals(-1, writeImm.offsetOf(100, ExtendedHeader.AETH));
        assertEquals(100 + 16, Opcode.of(0x12).offsetOf(100, ExtendedHeader.ATOMIC_ACK_ETH));
        assertEquals(100 + 12 + 20, Opcode.payloadOffset(100, 0x0b));
    }
}
