package dev.fabricscope.cli;

import dev.fabricscope.libpcap.Devices;
import java.util.List;

/** Formats pcap_findalldevs' list exactly as tcpdump -D prints it. */
final class DeviceList {
    private DeviceList() { }

    static String format(List<Devices.Device> devices) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Devices.Device d : devices) {
            out.append(++n).append('.').append(d.name());
            if (!d.description().isEmpty()) out.append(" (").append(d.description()).append(')');
            if (d.flags() != 0) out.append(" [").append(flags(d.flags())).append(']');
            out.append('\n');
        }
        return out.toString();
    }

    private static String flags(int flags) {
        StringBuilder s = new StringBuilder();
        if ((flags & Devices.IF_UP) != 0) s.append("Up, ");
        if ((flags & Devices.IF_RUNNING) != 0) s.append("Running, ");
        if ((flags & Devices.IF_LOOPBACK) != 0) s.append("Loopback, ");
        if ((flags & Devices.IF_WIRELESS) != 0) s.append("Wireless, ");
        if (s.isEmpty()) s.append("none");
        else s.setLength(s.length() - 2);
        int status = flags & Devices.IF_CONNECTION_STATUS;
        boolean wireless = (flags & Devices.IF_WIRELESS) != 0;
        String connection = switch (status) {
            case 0 -> wireless ? "Association status unknown" : "Connection status unknown";
            case Devices.IF_CONNECTED -> wireless ? "Associated" : "Connected";
            case Devices.IF_DISCONNECTED -> wireless ? "Not associated" : "Disconnected";
            default -> null; // not applicable
        };
        if (connection != null) s.append(", ").append(connection);
        return s.toString();
    }
}
