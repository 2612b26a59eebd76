package dev.fabricscope.rdma;

import java.io.IOException;
import java.nio.file.Path;

/** Writes {@link QpStatsTableTest#scenario()} as a pcap for command tests in other packages. */
public final class QpsScenarioFile {
    private QpsScenarioFile() { }

    public static Path write(Path file) throws IOException {
        return QpStatsTableTest.scenario().write(file);
    }
}
