package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CLC parser: for any bytes it returns a result instead of throwing, and formatting a parsed message
 * (plain, -show-reserved, -show-hex) never throws either. Inputs that start with an eyecatcher reach the layouts.
 * Longer run: {@code ./build test-compile surefire:test@fuzz-clc-parser -Dfuzz.duration=30m}.
 */
class ClcParserFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void parseNeverThrows(byte[] input) {
        check(input);
        if (input.length >= 4) {
            // also try the same bytes behind an SMC-R eyecatcher so the fuzzer reaches the message layouts
            byte[] withEyecatcher = input.clone();
            withEyecatcher[0] = (byte) 0xe2;
            withEyecatcher[1] = (byte) 0xd4;
            withEyecatcher[2] = (byte) 0xc3;
            withEyecatcher[3] = (byte) ((input[3] & 1) == 0 ? 0xd9 : 0xc4);
            check(withEyecatcher);
        }
    }

    private static void check(byte[] bytes) {
        ClcParseResult result = ClcParser.parse(bytes, 0, bytes.length);
        switch (result) {
            case ClcParseResult.Parsed p -> {
                assertTrue(p.message().raw().length <= ClcParser.MAX_LENGTH);
                String text = SmcClcFormatter.line("", "a -> b", p.message(), true, true);
                assertFalse(text.isEmpty());
                SmcClcFormatter.describe(p.message(), false);
            }
            case ClcParseResult.Failed f -> assertFalse(f.reason().isEmpty());
        }
    }
}
