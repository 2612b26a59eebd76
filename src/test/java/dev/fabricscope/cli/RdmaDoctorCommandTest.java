package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rdma doctor} on fake sysfs/procfs trees (layout as the Linux kernel's ib_core and rdma_rxe expose it) and on this host. */
class RdmaDoctorCommandTest {
    @TempDir
    Path root;

    private record Result(int exit, String out) { }

    private Result run(Supplier<List<String>> pcap) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new RdmaDoctorCommand(root, pcap));
        cl.setOut(new PrintWriter(out, true));
        int exit = cl.execute();
        return new Result(exit, out.toString());
    }

    private void write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void status(String uid, String capEff) throws IOException {
        write("proc/self/status", "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nCapEff:\t" + capEff + "\n");
    }

    private void mlx5(String linkLayer) throws IOException {
        write("sys/class/infiniband/mlx5_0/ports/1/link_layer", linkLayer + "\n");
        write("sys/class/infiniband/mlx5_0/ports/1/state", "4: ACTIVE\n");
        write("sys/class/infiniband/mlx5_0/ports/1/gids/0", "fe80:0000:0000:0000:0202:c9ff:fe00:0001\n");
        write("sys/class/infiniband/mlx5_0/ports/1/gids/1", "0000:0000:0000:0000:0000:ffff:c0a8:0102\n");
        write("sys/class/infiniband/mlx5_0/ports/1/gids/2", "0000:0000:0000:0000:0000:0000:0000:0000\n");
        Files.createDirectories(root.resolve("sys/class/infiniband/mlx5_0/device/net/ens1f0"));
        write("proc/modules", "mlx5_ib 462848 0 - Live 0x0\nmlx5_core 2080768 1 mlx5_ib, Live 0x0\nib_core 458752 1 mlx5_ib, Live 0x0\n");
    }

    @Test
    void noDeviceSaysSoAndWhatToDo() throws IOException {
        status("1000", "0000000000000000");
        write("proc/modules", "ext4 1 0 - Live 0x0\n");
        Result r = run(() -> List.of("eth0", "lo", "any"));
        assertEquals(RdmaDoctorCommand.EXIT_NO_DEVICE, r.exit(), r.out());
        assertTrue(r.out().contains("none (no /sys/class/infiniband: no RDMA driver loaded)"), r.out());
        assertTrue(r.out().contains("libpcap RDMA sniffing devices: none"), r.out());
        assertTrue(r.out().contains("kernel modules: no RDMA module loaded"), r.out());
        assertTrue(r.out().contains("privileges: uid 1000, CAP_NET_RAW no, CAP_NET_ADMIN no"), r.out());
        assertTrue(r.out().contains("SPAN"), r.out());
        assertTrue(r.out().contains("rdma link add rxe0 type rxe"), r.out());
        assertTrue(r.out().strip().endsWith("verdict: no - no RDMA device on this host: RDMA traffic cannot be captured here without a port mirror"), r.out());
    }

    @Test
    void roceDeviceListedByLibpcapAsRootIsVisible() throws IOException {
        status("0", "000001ffffffffff");
        mlx5("Ethernet");
        Result r = run(() -> List.of("ens1f0", "mlx5_0", "lo"));
        assertEquals(RdmaDoctorCommand.EXIT_VISIBLE, r.exit(), r.out());
        assertTrue(r.out().contains("  mlx5_0  interfaces: ens1f0"), r.out());
        // all-zero GIDs are unused table slots: not shown
        assertTrue(r.out().contains("    port 1: Ethernet, 4: ACTIVE, gids fe80:0000:0000:0000:0202:c9ff:fe00:0001 "
            + "0000:0000:0000:0000:0000:ffff:c0a8:0102\n"), r.out());
        assertTrue(r.out().contains("libpcap RDMA sniffing devices: mlx5_0"), r.out());
        assertTrue(r.out().contains("kernel modules: mlx5_ib, ib_core"), r.out());
        assertTrue(r.out().contains("verdict: yes - RDMA traffic can be captured: mlx5_0 (capture with: fabricscope capture -i mlx5_0)"), r.out());
    }

    @Test
    void roceDeviceWithoutLibpcapSupportNeedsSnifferFlag() throws IOException {
        status("0", "000001ffffffffff");
        mlx5("Ethernet");
        Result r = run(() -> List.of("ens1f0", "lo"));
        assertEquals(RdmaDoctorCommand.EXIT_NEEDS_ACTION, r.exit(), r.out());
        assertTrue(r.out().contains("libpcap RDMA sniffing devices: none"), r.out());
        assertTrue(r.out().contains("ethtool --set-priv-flags ens1f0 sniffer on"), r.out());
        assertTrue(r.out().contains("verdict: not yet"), r.out());
    }

    @Test
    void nativeInfinibandPointsToIbdump() throws IOException {
        status("0", "000001ffffffffff");
        mlx5("InfiniBand");
        Result r = run(() -> { throw new IllegalStateException("libpcap not found"); });
        assertEquals(RdmaDoctorCommand.EXIT_NEEDS_ACTION, r.exit(), r.out());
        assertTrue(r.out().contains("libpcap RDMA sniffing devices: unknown (libpcap not found)"), r.out());
        assertTrue(r.out().contains("ibdump -d mlx5_0"), r.out());
    }

    @Test
    void softRoceWithoutPrivilegesAsksForThem() throws IOException {
        status("1000", "0000000000000000");
        write("sys/class/infiniband/rxe0/parent", "eth0\n");
        write("sys/class/infiniband/rxe0/ports/1/link_layer", "Ethernet\n");
        write("sys/class/infiniband/rxe0/ports/1/state", "4: ACTIVE\n");
        Result r = run(List::of);
        assertEquals(RdmaDoctorCommand.EXIT_NEEDS_ACTION, r.exit(), r.out());
        assertTrue(r.out().contains("rxe0 (software RDMA: rdma_rxe/siw)  interfaces: eth0"), r.out());
        assertTrue(r.out().contains("run as root"), r.out());
        status("1000", "0000000000002000"); // CAP_NET_RAW alone is enough to capture on eth0
        r = run(List::of);
        assertEquals(RdmaDoctorCommand.EXIT_VISIBLE, r.exit(), r.out());
        assertTrue(r.out().contains("verdict: yes - RDMA traffic can be captured: rxe0 (capture on eth0)"), r.out());
    }

    @Test
    void libpcapRdmaDeviceNamedEvenWithoutSysfs() throws IOException {
        status("0", "000001ffffffffff");
        Result r = run(() -> List.of("eth0", "mlx5_1", "lo"));
        assertTrue(r.out().contains("libpcap RDMA sniffing devices: mlx5_1"), r.out());
        assertEquals(RdmaDoctorCommand.EXIT_VISIBLE, r.exit(), r.out());
        assertTrue(r.out().contains("verdict: yes - RDMA traffic can be captured: mlx5_1 (libpcap RDMA device"), r.out());
    }

    @Test
    void emptyTreeIsNotAnError() {
        Result r = run(List::of);
        assertEquals(RdmaDoctorCommand.EXIT_NO_DEVICE, r.exit(), r.out());
        assertTrue(r.out().contains("privileges: uid unknown, CAP_NET_RAW unknown"), r.out());
        assertTrue(r.out().contains("kernel modules: unknown (/proc/modules unreadable)"), r.out());
    }

    /** This machine (a VM without RDMA hardware): the answer must say so and what to do. */
    @Test
    void thisHost() {
        Assumptions.assumeFalse(Files.isDirectory(Path.of("/sys/class/infiniband")), "this host has RDMA devices");
        CliRun r = CliRun.of("rdma", "doctor");
        assertEquals(4, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("none (no /sys/class/infiniband"), r.out());
        assertTrue(r.out().contains("what to do:"), r.out());
        assertTrue(r.out().contains("verdict: no - no RDMA device on this host"), r.out());
    }
}
