package dev.fabricscope.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLineTest {
    @TempDir
    Path tmp;

    private static String nested() {
        StringBuilder sb = new StringBuilder();
        new JsonLine(sb).begin()
            .field("a", 1)
            .object("fce").field("os", "Linux").field("ok", true).close()
            .array("gids").value("fe80::1").value((String) null).close()
            .array("codes").object().field("code", "0x03030000").close().object().field("n", -2).close().close()
            .array("empty").close()
            .field("s", "q\"\\\n\t\u0001")
            .field("r", "ab\"cd\\ef\u001fgh \u00e9")
            .field("w", "\u20ac\ud83d\ude00\u007f~")
            .end();
        return sb.toString();
    }

    @Test
    void nestedObjectsAndArraysWithSeparatorsAndEscapes() {
        assertEquals("{\"a\":1,\"fce\":{\"os\":\"Linux\",\"ok\":true},\"gids\":[\"fe80::1\",null],"
            + "\"codes\":[{\"code\":\"0x03030000\"},{\"n\":-2}],\"empty\":[],\"s\":\"q\\\"\\\\\\n\\t\\u0001\",\"r\":\"ab\\\"cd\\\\ef\\u001fgh \\u00e9\","
            + "\"w\":\"\\u20ac\\ud83d\\ude00\\u007f~\"}\n", nested());
        assertEquals(nested().length(), nested().chars().filter(c -> c < 0x80).count(), "ASCII only, in every locale");
    }

    @Test
    void endClosesWhatIsStillOpenAndBeginResets() {
        StringBuilder sb = new StringBuilder();
        JsonLine j = new JsonLine(sb);
        j.begin().object("x").array("y").value(1).end();
        j.begin().field("z", 2).end();
        assertEquals("{\"x\":{\"y\":[1]}}\n{\"z\":2}\n", sb.toString());
        assertThrows(IllegalStateException.class, () -> new JsonLine(new StringBuilder()).begin().close());
    }

    /** An independent parser (Python's json module) reads back the same structure. */
    @Test
    void pythonReadsItBack() throws Exception {
        Oracles.requireTool("python3", "python3");
        Path f = tmp.resolve("line.json");
        Files.writeString(f, nested());
        Oracles.Run r = Oracles.run("python3", "-c", "import json,sys; d=json.loads(open(sys.argv[1]).read()); "
            + "print(d['fce']['os'], d['gids'][1], d['codes'][1]['n'], len(d['empty']), repr(d['s']), "
            + "d['r'][-1] == '\\u00e9', d['w'] == '\\u20ac\\U0001F600\\x7f~')", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Linux None -2 0 'q\"\\\\\\n\\t\\x01' True True\n", r.out());
    }
}
