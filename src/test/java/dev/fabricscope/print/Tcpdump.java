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

    /**
     * A packet's headline (with a -v "\n    " continuation), how many tab-indented detail lines followed,
     * and those lines (each preceded by "\n").
     */
    record Record(String line, int detailLines, String details) {
        /** Everything tcpdump printed for the packet, without the final newline. */
        String full() {
            return line + details;
        }

        /** What to compare our text with: all of it when we print detail lines too, else the headline. */
        String comparable(String ours) {
            return ours.contains("\n\t") || ours.startsWith(line + "\n") ? full() : line;
        }
    }

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
        StringBuilder detailText = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (PACKET_START.matcher(l).matches()) {
                if (line != null) records.add(new Record(line.toString(), details, detailText.toString()));
                line = new StringBuilder(l);
                details = 0;
                detailText.setLength(0);
            } else if (line != null && l.startsWith("    ") && details == 0 && line.indexOf("\n") < 0) {
                line.append('\n').append(l);  // tcpdump -v: the IPv4 header then the transport line
            } else if (line != null && !l.isEmpty()) {
                details++;
                detailText.append('\n').append(l);
            }
        }
        if (line != null) records.add(new Record(line.toString(), details, detailText.toString()));
        return records;
    }
}
