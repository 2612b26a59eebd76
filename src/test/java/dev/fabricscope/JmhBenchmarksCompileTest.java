package dev.fabricscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMH benchmarks (bench/jmh, a separate build run by `./build bench`) still compile against the current
 * code: a change of an API they call once went unnoticed until the next benchmark run.
 */
class JmhBenchmarksCompileTest {
    @Test
    void benchmarksCompile(@TempDir Path out) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("bench/jmh/src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no benchmark sources found");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            // the test classpath holds the main classes and jmh-core; JMH's annotation processor is not needed
            List<String> options = List.of("-proc:none", "-d", out.toString(), "-cp",
                System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(null, fm, diagnostics, options, null,
                fm.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(compiled, () -> diagnostics.getDiagnostics().stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
        }
    }

    /** The jmh-core this test compiles against is the one the benchmark build runs (two POMs name it). */
    @Test
    void sameJmhVersionInBothBuilds() throws IOException {
        String root = Files.readString(Path.of("pom.xml"));
        String bench = Files.readString(Path.of("bench/jmh/pom.xml"));
        Matcher ours = Pattern.compile("<artifactId>jmh-core</artifactId>\\s*<version>([^<]+)</version>").matcher(root);
        Matcher theirs = Pattern.compile("<jmh.version>([^<]+)</jmh.version>").matcher(bench);
        assertTrue(ours.find(), "pom.xml: no jmh-core version");
        assertTrue(theirs.find(), "bench/jmh/pom.xml: no jmh.version");
        assertEquals(theirs.group(1), ours.group(1), "jmh-core in pom.xml and bench/jmh/pom.xml");
    }
}
