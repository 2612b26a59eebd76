package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strftime against GNU date (glibc strftime, C locale) as the oracle: {@code TZ=zone date -d @secs +FORMAT}. */
class StrftimeTest {
    private static final String PATTERN = "%Y-%m-%d %H:%M:%S|%y %j %s|%b %a %e|%B %A|%C %D %F %T %R|%I %l %k %p|"
            + "%u %w %U %W %V %G %g|%z %Z|%h %n%t%%|%-d %_m %5Y %^a|%Ey %OH|%c|%x %X";
    private static final long[] TIMES = {0L, 1_650_970_174L, 1_700_000_000L, 951_782_400L, 1_703_980_800L,
        1_711_846_800L, 1_729_990_800L, 4_102_444_799L, -86_401L, 1_230_768_000L};

    @Test
    void matchesGnuDateInSeveralZones() throws Exception {
        assumeTool("date");
        for (String zone : List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata")) {
            List<String> command = new ArrayList<>(List.of("sh", "-c"));
            StringBuilder script = new StringBuilder();
            for (long t : TIMES) script.append("date -d @").append(t).append(" +'").append(PATTERN).append("' ; echo '#'; ");
            command.add(script.toString());
            Result r = run(command, zone);
            assertEquals(0, r.exit(), r.err());
            String[] expected = r.out().split("\n#\n", -1);
            for (int i = 0; i < TIMES.length; i++) {
                String ours = Strftime.format(PATTERN, Instant.ofEpochSecond(TIMES[i]).atZone(ZoneId.of(zone)));
                assertEquals(expected[i], ours, zone + " @" + TIMES[i]);
            }
        }
    }

    /** glibc's own strftime (what tcpdump calls), through python3's time.strftime, for odd patterns. */
    @Test
    void unknownConversionsStayLiteralAsInGlibc() throws Exception {
        assumeTool("python3");
        List<String> patterns = List.of("a%qb%", "dump", "%Q%5Y|%P|%-H", "x%", "%%%Y%%");
        String script = "import sys,time\nfor p in sys.argv[1:]: print(time.strftime(p, time.localtime(1650970174)))";
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(patterns);
        Result r = run(command, "Europe/Berlin");
        assertEquals(0, r.exit(), r.err());
        List<String> expected = r.out().lines().toList();
        for (int i = 0; i < patterns.size(); i++) {
            var t = Instant.ofEpochSecond(1650970174L).atZone(ZoneId.of("Europe/Berlin"));
            assertEquals(expected.get(i), Strftime.format(patterns.get(i), t), patterns.get(i));
        }
    }
}
