package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pseudo-random ICMPv6 messages for comparing with tcpdump beyond the hand-built cases: every type tcpdump decodes,
 * codes mostly small, bodies either loose bytes or shaped as the type's fixed part followed by ND options (DNSSL
 * ones holding labels and pointers), MLDv2 group records or RPL options, with lengths and counts sometimes wrong;
 * one in five frames cut short. The same seed gives the same frames.
 */
final class Icmp6RandomMessages {
    private Icmp6RandomMessages() { }

    private static final int[] TYPES = {1, 2, 3, 4, 7, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139,
        140, 141, 142, 143, 144, 145, 146, 147, 155, 200, 250};
    private static final int[] ND_OPTIONS = {0, 1, 2, 3, 4, 5, 7, 8, 14, 24, 25, 31, 200};

    static List<Frame> frames(long seed, int count) {
        Random r = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int type = TYPES[r.nextInt(TYPES.length)];
            int code = r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(5);
            byte[] body = r.nextBoolean() ? shaped(r, type) : bytes(r, r.nextInt(4) == 0 ? r.nextInt(8) : r.nextInt(160));
            Frame f = Icmp6Frames.message(type, code, body);
            if (r.nextInt(5) == 0) f = f.cut(14 + 40 + r.nextInt(body.length + 5));
            frames.add(f);
        }
        return frames;
    }

    /** Bytes biased towards the small values that lengths, counts and flags take. */
    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        for (int j = 0; j < n; j++) {
            int k = r.nextInt(10);
            b[j] = (byte) (k < 4 ? r.nextInt(256) : k < 7 ? r.nextInt(4) : k < 9 ? 0 : 'a' + r.nextInt(26));
        }
        return b;
    }

    /** The type's fixed part after the first 4 bytes, then up to four options or records. */
    private static byte[] shaped(Random r, int type) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(bytes(r, switch (type) {
            case 134 -> 12;
            case 135, 136 -> 20;
            case 137 -> 36;
            case 155 -> 24;
            default -> 4;
        }));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (type == 143) groupRecord(r, o);
            else if (type == 155) rplOption(r, o);
            else ndOption(r, o);
        }
        byte[] body = o.toByteArray();
        if (type == 143) body[3] = (byte) (r.nextInt(6) == 0 ? n + 1 : n);   // the record count, sometimes wrong
        return body;
    }

    private static void groupRecord(Random r, ByteArrayOutputStream o) {
        int sources = r.nextInt(3);
        o.writeBytes(new byte[] {(byte) r.nextInt(8), 0, 0, (byte) (r.nextInt(10) == 0 ? 9 : sources)});
        o.writeBytes(bytes(r, 16 + 16 * sources));
    }

    private static void rplOption(Random r, ByteArrayOutputStream o) {
        int type = r.nextInt(11);
        o.write(type);
        if (type == 0) return;
        int length = r.nextInt(8);
        o.write(length);
        o.writeBytes(bytes(r, r.nextInt(8) == 0 ? length + 1 : length));
    }

    private static void ndOption(Random r, ByteArrayOutputStream o) {
        int type = ND_OPTIONS[r.nextInt(ND_OPTIONS.length)];
        int units = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(5);
        o.write(type);
        o.write(units);
        if (type != 31 || units < 2) {
            o.writeBytes(bytes(r, Math.max(0, units * 8 - 2)));
            return;
        }
        byte[] body = new byte[units * 8 - 2];
        int at = 6;                       // after the reserved field and lifetime: names
        while (at < body.length - 1) {
            switch (r.nextInt(6)) {
                case 0 -> body[at++] = 0;
                case 1 -> {
                    body[at++] = (byte) 0xc0;
                    body[at++] = (byte) r.nextInt(40);
                }
                default -> {
                    int l = Math.min(1 + r.nextInt(6), body.length - at - 1);
                    body[at++] = (byte) l;
                    for (int q = 0; q < l; q++) body[at++] = (byte) ('a' + r.nextInt(26));
                }
            }
        }
        o.writeBytes(body);
    }
}
