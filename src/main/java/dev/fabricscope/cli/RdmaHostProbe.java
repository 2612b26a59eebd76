package dev.fabricscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads what {@code fabricscope rdma doctor} needs from sysfs and procfs under a root directory ("/" on a
 * host, a temporary tree in tests). Only reads; never prints. Missing files mean "absent", never an error.
 */
final class RdmaHostProbe {
    /** Linux capability bits (include/uapi/linux/capability.h). */
    static final int CAP_NET_ADMIN = 12, CAP_NET_RAW = 13;
    /** Modules worth naming: RDMA core, soft RoCE/iWARP, and the common RDMA NIC drivers. */
    static final List<String> RDMA_MODULES = List.of("ib_core", "ib_uverbs", "rdma_ucm", "rdma_cm", "rdma_rxe", "siw",
        "mlx5_ib", "mlx4_ib", "irdma", "bnxt_re", "efa", "hns_roce_hw_v2", "qedr", "ib_ipoib");
    private static final int MAX_GIDS_SHOWN = 4;

    record Port(String number, String linkLayer, String state, List<String> gids) { }

    /** One RDMA device; {@code soft} for rdma_rxe / siw devices, whose traffic passes the kernel's netdev. */
    record Device(String name, List<Port> ports, List<String> netdevs, boolean soft) {
        boolean roce() {
            return ports.stream().anyMatch(p -> p.linkLayer().equalsIgnoreCase("Ethernet"));
        }
    }

    /** {@code capEff} -1 and {@code uid} -1 when /proc/self/status is unreadable; {@code modules} null when /proc/modules is. */
    record Report(boolean sysfsClassPresent, List<Device> devices, long capEff, int uid, List<String> modules) {
        boolean root() {
            return uid == 0;
        }

        boolean hasCap(int bit) {
            return capEff >= 0 && (capEff & (1L << bit)) != 0;
        }
    }

    private final Path root;

    RdmaHostProbe(Path root) {
        this.root = root;
    }

    Report probe() {
        Path classDir = root.resolve("sys/class/infiniband");
        List<Device> devices = new ArrayList<>();
        for (String name : list(classDir)) devices.add(device(classDir.resolve(name), name));
        long capEff = -1;
        int uid = -1;
        for (String line : lines(root.resolve("proc/self/status"))) {
            if (line.startsWith("CapEff:")) capEff = parseHex(line.substring(7).trim());
            else if (line.startsWith("Uid:")) uid = effectiveUid(line.substring(4).trim());
        }
        List<String> modules = null;
        Path modulesFile = root.resolve("proc/modules");
        if (Files.isReadable(modulesFile)) {
            modules = new ArrayList<>();
            for (String line : lines(modulesFile)) {
                int space = line.indexOf(' ');
                String module = space < 0 ? line : line.substring(0, space);
                if (RDMA_MODULES.contains(module)) modules.add(module);
            }
        }
        return new Report(Files.isDirectory(classDir), devices, capEff, uid, modules);
    }

    private Device device(Path dir, String name) {
        List<Port> ports = new ArrayList<>();
        for (String number : list(dir.resolve("ports"))) {
            Path port = dir.resolve("ports").resolve(number);
            List<String> gids = new ArrayList<>();
            for (String index : list(port.resolve("gids"))) {
                String gid = first(port.resolve("gids").resolve(index));
                if (!gid.isEmpty() && !gid.replace(":", "").chars().allMatch(c -> c == '0') && gids.size() < MAX_GIDS_SHOWN) {
                    gids.add(gid);
                }
            }
            ports.add(new Port(number, orUnknown(first(port.resolve("link_layer"))), orUnknown(first(port.resolve("state"))), gids));
        }
        TreeSet<String> netdevs = new TreeSet<>(list(dir.resolve("device/net")));
        // the other direction: /sys/class/net/IF/device/infiniband/DEV
        Path net = root.resolve("sys/class/net");
        for (String iface : list(net)) {
            if (list(net.resolve(iface).resolve("device/infiniband")).contains(name)) netdevs.add(iface);
        }
        String parent = first(dir.resolve("parent")); // rdma_rxe and siw name their netdev here
        if (!parent.isEmpty()) netdevs.add(parent);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean soft = lower.startsWith("rxe") || lower.startsWith("siw") || !parent.isEmpty();
        return new Device(name, ports, List.copyOf(netdevs), soft);
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "unknown" : s;
    }

    private static long parseHex(String s) {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // "Uid:	real	effective	saved	fs"
    private static int effectiveUid(String fields) {
        String[] parts = fields.split("\\s+");
        try {
            return Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted(RdmaHostProbe::natural).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    // numbers in numeric order (gids 0..255, ports 1..n), names alphabetically
    private static int natural(String a, String b) {
        boolean na = !a.isEmpty() && a.chars().allMatch(Character::isDigit) && a.length() < 10;
        boolean nb = !b.isEmpty() && b.chars().allMatch(Character::isDigit) && b.length() < 10;
        if (na && nb) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        return a.compareTo(b);
    }

    private static String first(Path file) {
        List<String> l = lines(file);
        return l.isEmpty() ? "" : l.get(0).trim();
    }

    private static List<String> lines(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) return List.of();
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
