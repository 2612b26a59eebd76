package dev.fabricscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/UpgradeClassFiles.java, the build step that rewrites picocli's Java 5 class files as Java 8 ones with
 * stack maps (so that the AOT cache can hold them), run on the picocli jar the build uses: every class file is
 * upgraded, every class passes the JVM's verifier, and commands print exactly what they print with the original.
 */
class UpgradeClassFilesTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    /** Major version of every class file in the jar, by entry name. */
    private static Map<String, Integer> majors(Path jar) throws IOException {
        Map<String, Integer> majors = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) continue;
                byte[] b = zip.getInputStream(e).readAllBytes();
                majors.put(e.getName(), (b[6] & 0xff) << 8 | (b[7] & 0xff));
            }
        }
        return majors;
    }

    private static List<String> fabricscope(Path picocli, String... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp",
            Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator + picocli, "dev.fabricscope.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void picocliUpgradedVerifiedAndUnchanged(@TempDir Path tmp) throws Exception {
        Path original = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Integer> before = majors(original);
        assertTrue(before.size() > 100 && before.values().stream().allMatch(m -> m < 50),
            "picocli is built for Java 5 (else this step is no longer needed): " + before.values());
        Path jar = Files.copy(original, tmp.resolve("picocli.jar"));

        Oracles.Run upgrade = Oracles.run(JAVA, "scripts/UpgradeClassFiles.java", jar.toString());
        assertEquals(0, upgrade.exitCode(), upgrade.err());
        assertTrue(upgrade.out().contains(before.size() + " class files"), upgrade.out());
        Map<String, Integer> after = majors(jar);
        assertEquals(before.keySet(), after.keySet());
        assertTrue(after.values().stream().allMatch(m -> m == 52), after.toString());

        // Java 8 class files get no fallback to the old verifier: a wrong stack map fails here
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String entry : after.keySet()) {
                Class.forName(entry.substring(0, entry.length() - 6).replace('/', '.'), true, loader);
            }
        }

        String sample = Path.of("samples/lacp.pcap").toAbsolutePath().toString();
        for (String[] args : List.of(new String[] {"capture", "--help"}, new String[] {"lacp", "-r", sample, "--json"},
                new String[] {"lacp", "--bogus"})) {
            Oracles.Run expected = Oracles.run(fabricscope(original, args));
            Oracles.Run actual = Oracles.run(fabricscope(jar, args));
            assertEquals(expected, actual, String.join(" ", args));
        }
    }
}
