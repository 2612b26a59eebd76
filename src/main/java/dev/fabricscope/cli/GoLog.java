package dev.fabricscope.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Lines as Go's standard logger writes them (log.LstdFlags): "2006/01/02 15:04:05 message", local wall time. */
final class GoLog {
    private static final DateTimeFormatter PREFIX = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ");

    private final Clock clock;
    private final ZoneId zone;

    GoLog(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code message} with the date prefix, without a trailing newline. */
    String line(String message) {
        return PREFIX.format(clock.instant().atZone(zone)) + message;
    }
}
