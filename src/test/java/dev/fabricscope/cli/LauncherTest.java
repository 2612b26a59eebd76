package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JDK discovery (scripts/jdk.sh), run through bash as users run it. */
class LauncherTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    record Result(int code, String out, String err) { }

    private static Result bash(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new Result(code, Files.readString(out), Files.readString(err));
    }

    /** A fake JDK whose java reports the given feature version, as `java -XshowSettings:properties` does. */
    private static Path fakeJdk(Path dir, String name, int feature) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        String script = "#!/bin/sh\necho '    java.specification.version = " + feature + "' >&2\n";
        for (String tool : List.of("java", "javac")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, script, StandardCharsets.UTF_8);
            p.toFile().setExecutable(true);
        }
        return dir.resolve(name);
    }

    /**
     * A build that fails part-way (here a Maven that writes a broken jar, then fails) leaves no jar behind: one newer
     * than the sources would be taken as built, and every later run would fail with "Invalid or corrupt jarfile".
     */
    @Test
    void failedBuildLeavesNoJar(@TempDir Path copy, @TempDir Path jvms) throws Exception {
        Path jdk = fakeJdk(jvms, "jdk-25", 25);
        Files.copy(ROOT.resolve("fabricscope"), copy.resolve("fabricscope"));
        Files.createDirectories(copy.resolve("scripts"));
        Files.copy(ROOT.resolve("scripts/jdk.sh"), copy.resolve("scripts/jdk.sh"));
        Files.createDirectories(copy.resolve("src/main"));
        Files.writeString(copy.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(copy.resolve("fake-bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nprintf 'PK broken' > target/fabricscope.jar\nexit 1\n");
        mvn.toFile().setExecutable(true);
        Result r = bash(Map.of("JAVA_HOME", jdk.toString(), "FABRICSCOPE_JVM_DIR", jvms.toString(),
            "PATH", bin + ":" + System.getenv("PATH")), "bash", copy.resolve("fabricscope").toString(), "--version");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("build failed"), r.err());
        assertTrue(Files.notExists(copy.resolve("target/fabricscope.jar")), "a broken jar was left behind");
    }

    @Test
    void noSuitableJdkIsOneLineAndExitOne(@TempDir Path jvms) throws Exception {
        Path old = fakeJdk(jvms, "jdk-17", 17);
        Result r = bash(Map.of("JAVA_HOME", old.toString(), "FABRICSCOPE_JVM_DIR", jvms.toString()),
            "bash", "fabricscope", "--version");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("fabricscope: no JDK >= 25 found"), r.err());
    }

    @Test
    void unsuitableJavaHomeFallsBackToNewestJdkInSearchDir(@TempDir Path jvms) throws Exception {
        Path old = fakeJdk(jvms, "jdk-17", 17);
        fakeJdk(jvms, "jdk-25", 25);
        fakeJdk(jvms, "jdk-26", 26);
        Result r = bash(Map.of("JAVA_HOME", old.toString(), "FABRICSCOPE_JVM_DIR", jvms.toString()),
            "bash", "-c", ". scripts/jdk.sh && fabricscope_find_jdk && echo \"$FABRICSCOPE_JAVA_HOME\"");
        assertEquals(0, r.code(), r.err());
        assertEquals(jvms.resolve("jdk-26").toString(), r.out().strip());
    }

    @Test
    void releaseFileIsReadWithoutStartingAJvm(@TempDir Path jvms) throws Exception {
        // a JDK's release file names its version; this fake java fails if it is ever run
        Path bin = Files.createDirectories(jvms.resolve("jdk-25r").resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\nexit 1\n");
            p.toFile().setExecutable(true);
        }
        Files.writeString(jvms.resolve("jdk-25r").resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.1\"\n");
        Path old = jvms.resolve("jdk-8r");
        Files.createDirectories(old.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path p = old.resolve("bin").resolve(tool);
            Files.writeString(p, "#!/bin/sh\nexit 1\n");
            p.toFile().setExecutable(true);
        }
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        Result r = bash(Map.of("JAVA_HOME", old.toString(), "FABRICSCOPE_JVM_DIR", jvms.toString()),
            "bash", "-c", ". scripts/jdk.sh && fabricscope_find_jdk && echo \"$FABRICSCOPE_JAVA_HOME\"");
        assertEquals(0, r.code(), r.err());
        assertEquals(jvms.resolve("jdk-25r").toString(), r.out().strip());
    }

    @Test
    void suitableJavaHomeWins(@TempDir Path jvms) throws Exception {
        Path home = fakeJdk(jvms.resolve("elsewhere"), "jdk-25", 25);
        fakeJdk(jvms, "jdk-27", 27);
        Result r = bash(Map.of("JAVA_HOME", home.toString(), "FABRICSCOPE_JVM_DIR", jvms.toString()),
            "bash", "-c", ". scripts/jdk.sh && fabricscope_find_jdk && echo \"$FABRICSCOPE_JAVA_HOME\"");
        assertEquals(0, r.code(), r.err());
        assertEquals(home.toString(), r.out().strip());
    }
}
