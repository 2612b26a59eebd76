package dev.fabricscope.print;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Runs the installed tcpdump (the oracle) on a file and splits its output into one record per packet. */
final class Tcpdump {
    private Tcpdump() { }

    /** A packet's headline (with a -v "\n    " continuation) and how many tab-indented detail lines followed. */
    record Record(String line, int detailLines) { }

    private static final Pattern PACKET_START = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*", Pattern.DOTALL);

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tcpdump", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code TZ=tz tcpdump -n FLAGS -r file}; stderr (the "reading from file" banner) is discarded. */
    static List<Record> run(Path file, String tz, String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-n"));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-r", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", tz);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tcpdump " + cmd + " failed with exit " + p.exitValue());
        }
        List<Record> records = new ArrayList<>();
        StringBuilder line = null;
        int details = 0;
        for (String l : text.split("\n", -1)) {
            if (PACKET_START.matcher(l).matches()) {
                if (line != null) records.add(new Record(line.toString(), details));
                line = new StringBuilder(l);
                details = 0;
            } else if (line != null && l.startsWith("    ") && details == 0 && line.indexOf("\n") < 0) {
                line.append('\n').append(l);  // tcpdump -v: the IPv4 header then the transport line
            } else if (line != null && !l.isEmpty()) {
                details++;
            }
        }
        if (line != null) records.add(new Record(line.toString(), details));
        return records;
    }
}
