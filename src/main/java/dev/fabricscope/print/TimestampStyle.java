package dev.fabricscope.print;

/** tcpdump's time stamp choices: none of -t, then -t, -tt, -ttt, -tttt and -ttttt. */
public enum TimestampStyle {
    /** "HH:MM:SS.ffffff" in the local zone. */
    TIME,
    /** {@code -t}: no time stamp. */
    NONE,
    /** {@code -tt}: seconds since the epoch, "1700000000.000005". */
    UNIX,
    /** {@code -ttt}: time since the previous packet, " 00:00:01.000000" ('-' instead of the space if negative). */
    SINCE_PREVIOUS,
    /** {@code -tttt}: "YYYY-MM-DD HH:MM:SS.ffffff" in the local zone. */
    DATE_TIME,
    /** {@code -ttttt}: time since the first packet, as {@link #SINCE_PREVIOUS}. */
    SINCE_FIRST;

    /** The style of tcpdump's {@code -t} given {@code count} times (0 to 5). */
    public static TimestampStyle ofTFlags(int count) {
        return values()[count];
    }
}
