package dev.fabricscope.libpcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live capture on the loopback device (needs root, or CAP_NET_RAW; skipped otherwise). */
class LiveCaptureTest {
    @BeforeAll
    static void needRootAndLibpcap() {
        assumeTrue(Libpcap.available(), "libpcap (package libpcap0.8) is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")),
            "live capture needs root (or CAP_NET_RAW); running as " + System.getProperty("user.name"));
    }

    private static LiveCapture openLo(int timeoutMs) {
        try {
            return LiveCapture.open("lo", 65535, false, timeoutMs, true, 0);
        } catch (LibpcapException e) {
            assumeTrue(false, "cannot capture on lo here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void capturesUdpDatagramsThroughTheHandleFilter() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             LiveCapture capture = openLo(100)) {
            int port = receiver.getLocalPort();
            assertEquals(LinkType.EN10MB, capture.datalink());
            capture.setFilter("udp port " + port);
            // noise on another port first: the filter must drop it, so the first capture is datagram 0
            sender.send(new DatagramPacket(new byte[3], 3, InetAddress.getLoopbackAddress(), sender.getLocalPort()));
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                byte[] payload = ("fabricscope live test datagram " + i).getBytes(StandardCharsets.US_ASCII);
                sent.add(payload);
                sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
            }
            List<byte[]> got = new ArrayList<>();
            Packet packet = new Packet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long before = System.currentTimeMillis() * 1_000_000L - 60_000_000_000L;
            while (got.size() < 5 && System.nanoTime() < deadline) {
                if (!capture.next(packet)) continue;
                assertEquals(packet.origLen(), packet.capLen());
                assertTrue(packet.timestampNanos() > before, "timestamp " + packet.timestampNanos());
                // Ethernet 14 + IPv4 20 + UDP 8, then the payload
                int udp = 14 + (packet.u8(14) & 0xf) * 4;
                assertEquals(port, packet.u16(udp + 2));
                byte[] all = packet.copyBytes();
                got.add(Arrays.copyOfRange(all, udp + 8, all.length));
            }
            assertEquals(5, got.size(), "datagrams captured");
            for (int i = 0; i < 5; i++) assertArrayEquals(sent.get(i), got.get(i));
            LiveCapture.Stats stats = capture.stats();
            assertTrue(stats.received() >= 5, stats.toString());
            assertEquals(0, stats.dropped(), stats.toString());
        }
    }

    @Test
    void breakLoopFromAnotherThreadEndsAWaitingNext() throws Exception {
        try (LiveCapture capture = openLo(30_000)) {
            capture.setFilter("udp port 9 and udp port 10");   // matches nothing
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(() -> capture.next(new Packet()));
            Thread.sleep(300);
            capture.breakLoop();
            assertFalse(reader.get(5, TimeUnit.SECONDS));
            assertTrue(capture.isBroken());
        }
    }

    @Test
    void injectedFrameIsCaptured() {
        try (LiveCapture capture = openLo(100)) {
            capture.setFilter(BpfCompiler.compile("ether proto 0x88b5", LinkType.EN10MB, 65535, true, 0));
            byte[] frame = new byte[60];
            System.arraycopy(TestFrames.MAC_B, 0, frame, 0, 6);
            System.arraycopy(TestFrames.MAC_A, 0, frame, 6, 6);
            frame[12] = (byte) 0x88;
            frame[13] = (byte) 0xb5;   // IEEE local experimental ethertype
            for (int i = 14; i < frame.length; i++) frame[i] = (byte) i;
            assertEquals(frame.length, capture.inject(frame));
            Packet packet = new Packet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) seen = capture.next(packet);
            assertTrue(seen, "injected frame not captured");
            assertArrayEquals(frame, packet.copyBytes());
        }
    }

    @Test
    void badFilterAndBadDeviceGiveLibpcapsMessages() {
        try (LiveCapture capture = openLo(100)) {
            BpfCompileException e = assertThrows(BpfCompileException.class, () -> capture.setFilter("udp port"));
            assertEquals("can't parse filter expression: syntax error", e.getMessage());
        }
        LibpcapException e = assertThrows(LibpcapException.class,
            () -> LiveCapture.open("nosuchdev0", 65535, false, 100, true, 0));
        assertTrue(e.getMessage().startsWith("nosuchdev0: "), e.getMessage());
    }

    @Test
    void findAllListsLoopback() {
        List<Devices.Device> devices = Devices.findAll();
        Devices.Device lo = devices.stream().filter(d -> d.name().equals("lo")).findFirst().orElseThrow();
        assertTrue(lo.loopback() && lo.up(), lo.toString());
        assertTrue(lo.addresses().contains("127.0.0.1"), lo.toString());
    }
}
