package dev.fabricscope.capture;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Turns a truncated or corrupt gzip stream into a reported end of input, so the reader keeps the
 * packets it already has (as it does for a truncated plain file) instead of failing with a raw exception.
 */
final class GzipGuard extends FilterInputStream {
    private final String name;
    private final ProblemReporter problems;
    private long delivered;
    private boolean ended;

    GzipGuard(InputStream gunzipped, String name, ProblemReporter problems) {
        super(gunzipped);
        this.name = name;
        this.problems = problems;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) return -1;
        try {
            int n = in.read(b, off, len);
            if (n > 0) delivered += n;
            return n;
        } catch (EOFException | ZipException e) {
            ended = true;
            problems.report(name + ": gzip data " + (e instanceof EOFException ? "ends early" : "is corrupt")
                    + " after " + delivered + " decompressed bytes (" + e.getMessage() + ")");
            return -1;
        }
    }
}
