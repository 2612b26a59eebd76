package dev.fabricscope.capture;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a {@link RotatingSink} starts a new file: tcpdump's {@code -C}, {@code -G} and {@code -W}, plus
 * {@code --align-rotation}.
 *
 * <h2>Rules (tcpdump 4.99's, except where marked)</h2>
 * <ul>
 * <li>{@code -C} ({@code maxBytes}): before writing a packet, if the current file already holds more than
 *     {@code maxBytes} bytes (file header and buffered records included), it is closed and the packet starts
 *     the next file. A file therefore exceeds the limit by less than one packet. The CLI passes
 *     {@code -C N} as {@code N * 1,000,000} bytes ({@link #bytesFromMegabytes}).</li>
 * <li>{@code -G} ({@code periodSeconds}): before writing a packet whose time (in whole seconds) is at least
 *     {@code periodSeconds} past the current file's start time, the file is closed and a new one starts with
 *     that packet's second as its start time. <b>Difference from tcpdump:</b> times are packet times, not the
 *     clock, so {@code -r big.pcap -G 60} splits a file by its own timestamps. Intervals without packets
 *     produce no file. A packet older than the current file's start (out-of-order input) stays in the
 *     current file.</li>
 * <li>{@code --align-rotation} ({@code align}, ours): a file's start time is rounded down to a multiple of
 *     {@code periodSeconds} since the epoch (UTC), so with {@code -G 600} files start at :00, :10, :20 …
 *     instead of drifting with the first packet.</li>
 * <li>{@code -W} ({@code maxFiles}) with {@code -C}: the counter appended to names wraps to 0 after
 *     {@code maxFiles} files, overwriting old files (a ring buffer). With {@code -G} and without {@code -C}:
 *     after {@code maxFiles} files the sink stops ({@link RotatingSink#limitReached()}); the packet that would
 *     have opened file {@code maxFiles + 1} is not written, and tcpdump prints "Maximum file limit reached: N"
 *     and exits 0. Without -C and -G, -W has no effect.</li>
 * <li>With -G and -C together the -G check runs first; a new -G interval restarts the -C counter at 0.</li>
 * </ul>
 *
 * <h2>File names</h2>
 * With {@code -G}, the {@code -w} name is first passed through strftime ({@link Strftime}, local time zone:
 * the JVM default, which follows {@code TZ}) at the file's start time; otherwise it is used as is. With
 * {@code -C}, the file counter is appended in decimal, zero-padded to the number of digits of
 * {@code maxFiles - 1} when {@code -W} is given; the first file of each -G interval (counter 0) gets no number
 * unless {@code -W} asks for padding. Examples for {@code -w dump}: {@code -C 1} → dump, dump1, dump2 …;
 * {@code -C 1 -W 3} → dump0, dump1, dump2, dump0 …; {@code -C 1 -W 11} → dump00 … dump10;
 * {@code -G 60} → dump (overwritten each interval unless the name has % conversions);
 * {@code -w dump-%H%M -G 60 -C 1} → dump-1200, dump-12001, dump-1201 ….
 *
 * @param maxBytes      -C in bytes; 0 = no size rotation
 * @param periodSeconds -G in seconds; 0 = no time rotation
 * @param maxFiles      -W; 0 = unlimited
 * @param align         --align-rotation (needs periodSeconds)
 */
public record RotationPolicy(long maxBytes, long periodSeconds, int maxFiles, boolean align) {
    public static final RotationPolicy NONE = new RotationPolicy(0, 0, 0, false);

    public RotationPolicy {
        if (maxBytes < 0) throw new IllegalArgumentException("invalid file size " + maxBytes);
        if (periodSeconds < 0) throw new IllegalArgumentException("invalid number of seconds " + periodSeconds);
        if (maxFiles < 0) throw new IllegalArgumentException("invalid number of output files " + maxFiles);
        if (align && periodSeconds == 0) throw new IllegalArgumentException("--align-rotation needs -G");
    }

    /** tcpdump's -C unit: millions of bytes. */
    public static long bytesFromMegabytes(long megabytes) {
        if (megabytes <= 0 || megabytes > Long.MAX_VALUE / 1_000_000) {
            throw new IllegalArgumentException("invalid file size " + megabytes);
        }
        return megabytes * 1_000_000;
    }

    /** True when files rotate at all (-C or -G). */
    public boolean rotates() {
        return maxBytes > 0 || periodSeconds > 0;
    }

    /** Start time of the interval a packet second opens under -G (itself, or the aligned boundary). */
    long intervalStart(long second) {
        return align ? Math.floorDiv(second, periodSeconds) * periodSeconds : second;
    }

    /** The name of file number {@code counter} of the -G interval starting at {@code startSecond}. */
    String fileName(String pattern, long startSecond, int counter, ZoneId zone) {
        String base = periodSeconds > 0 ? Strftime.format(pattern, Instant.ofEpochSecond(startSecond).atZone(zone)) : pattern;
        int digits = maxBytes > 0 ? counterDigits() : 0;
        if (counter == 0 && digits == 0) return base;
        String number = Integer.toString(counter);
        return base + "0".repeat(Math.max(0, digits - number.length())) + number;
    }

    /** Digits of maxFiles - 1 (tcpdump pads the counter to them); 0 without -W. */
    private int counterDigits() {
        int digits = 0;
        for (int x = maxFiles - 1; x > 0; x /= 10) digits++;
        return digits;
    }
}
