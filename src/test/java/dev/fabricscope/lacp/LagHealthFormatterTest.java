package dev.fabricscope.lacp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** lacp health times: RFC 3339, UTC, always with a fraction (whole seconds too). */
class LagHealthFormatterTest {
    @Test
    void timesAlwaysCarryAFraction() {
        assertEquals("1970-01-01T00:00:00.000Z", LagHealthFormatter.rfc3339(0));
        assertEquals("2026-01-01T00:00:23.000Z", LagHealthFormatter.rfc3339(1_767_225_623_000_000_000L));
        assertEquals("1970-01-01T00:00:01.500Z", LagHealthFormatter.rfc3339(1_500_000_000L));
        assertEquals("2009-11-15T04:02:10.267147Z", LagHealthFormatter.rfc3339(1_258_257_730_267_147_000L));
        assertEquals("1969-12-31T23:59:59.999999999Z", LagHealthFormatter.rfc3339(-1));
    }
}
