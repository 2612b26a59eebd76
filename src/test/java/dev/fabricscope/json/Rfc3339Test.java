package dev.fabricscope.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Packet times as RFC 3339 UTC: the fraction as needed, or (lacp health) always. */
class Rfc3339Test {
    @Test
    void fractionAsNeeded() {
        assertEquals("1970-01-01T00:00:00Z", Rfc3339.utc(0));
        assertEquals("2020-01-02T03:04:05.000004Z", Rfc3339.utc(1_577_934_245_000_004_000L));
        assertEquals("1969-12-31T23:59:59.999999999Z", Rfc3339.utc(-1));
    }

    @Test
    void timesAlwaysCarryAFraction() {
        assertEquals("1970-01-01T00:00:00.000Z", Rfc3339.utcWithFraction(0));
        assertEquals("2026-01-01T00:00:23.000Z", Rfc3339.utcWithFraction(1_767_225_623_000_000_000L));
        assertEquals("1970-01-01T00:00:01.500Z", Rfc3339.utcWithFraction(1_500_000_000L));
        assertEquals("2009-11-15T04:02:10.267147Z", Rfc3339.utcWithFraction(1_258_257_730_267_147_000L));
        assertEquals("1969-12-31T23:59:59.999999999Z", Rfc3339.utcWithFraction(-1));
    }

    /** The allocation-free time equals java.time's ISO_INSTANT (behind utc) on edge and random packet times. */
    @Test
    void appendedTimesEqualJavaTime() {
        java.util.List<Long> times = new java.util.ArrayList<>(java.util.List.of(0L, -1L, 1L, 999L, 1_000L, 1_000_000L,
            999_999_999L, 1_000_000_000L, -1_000_000_000L, 1_577_934_245_000_004_000L, 1_577_934_245_120_000_000L,
            1_577_934_245_123_456_789L, 86_399_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE));
        java.util.Random random = new java.util.Random(3339);
        for (int i = 0; i < 200_000; i++) {
            long t = random.nextLong();
            times.add(t);
            times.add(t - Math.floorMod(t, 1_000L));            // whole microseconds
            times.add(t - Math.floorMod(t, 1_000_000L));        // whole milliseconds
            times.add(t - Math.floorMod(t, 1_000_000_000L));    // whole seconds
        }
        StringBuilder sb = new StringBuilder();
        for (long t : times) {
            sb.setLength(0);
            Rfc3339.appendUtc(sb, t);
            assertEquals(Rfc3339.utc(t), sb.toString(), "time " + t);
        }
    }

    /** The allocation-free date equals java.time's over every day packet times can reach (years 1677-2262). */
    @Test
    void datesEqualJavaTimeOverTheWholeRangeOfPacketTimes() {
        long first = Math.floorDiv(Math.floorDiv(Long.MIN_VALUE, 1_000_000_000L), 86_400L);
        long last = Math.floorDiv(Math.floorDiv(Long.MAX_VALUE, 1_000_000_000L), 86_400L);
        StringBuilder sb = new StringBuilder();
        for (long day = first; day <= last; day++) {
            sb.setLength(0);
            Rfc3339.appendDate(sb, day);
            assertEquals(java.time.LocalDate.ofEpochDay(day).toString(), sb.toString());
        }
        sb.setLength(0);
        Rfc3339.appendDate(sb, java.time.LocalDate.of(12, 2, 29).toEpochDay());
        assertEquals("0012-02-29", sb.toString());
    }

    /** The packed civil fields equal java.time's, for negative years too (RADIUS and NTP read them). */
    @Test
    void civilFieldsEqualJavaTimeAcrossEras() {
        long[] starts = {java.time.LocalDate.of(-1200, 1, 1).toEpochDay(), -800_000, -1, 0, 59, 2_932_000};
        for (long start : starts) {
            for (long day = start; day < start + 800; day++) {
                java.time.LocalDate want = java.time.LocalDate.ofEpochDay(day);
                long civil = Rfc3339.civilFromDays(day);
                assertEquals(want.getYear(), Rfc3339.civilYear(civil), "year of day " + day);
                assertEquals(want.getMonthValue(), Rfc3339.civilMonth(civil), "month of day " + day);
                assertEquals(want.getDayOfMonth(), Rfc3339.civilDayOfMonth(civil), "day of month of day " + day);
            }
        }
    }
}
