package dev.fabricscope.cli;

import dev.fabricscope.libpcap.BpfCompileException;

/**
 * An error meant for the user: printed as one line ("fabricscope: message") without a stack trace,
 * and the process exits with {@link #exitCode()} (1 runtime failure, 2 usage error).
 */
public class UserError extends RuntimeException {
    public static final int RUNTIME = 1;
    public static final int USAGE = 2;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(USAGE, message);
    }

    public static UserError runtime(String message) {
        return new UserError(RUNTIME, message);
    }

    /**
     * libpcap refused a filter: a usage error when the expression is at fault; when libpcap cannot filter
     * the link type of {@code input} (a file; null when the user chose the link type) at all, a runtime
     * failure naming it, as tcpdump exits 1 there.
     */
    public static UserError ofFilter(BpfCompileException e, String input) {
        if (e.linkTypeUnsupported() && input != null) return runtime(input + ": " + e.getMessage());
        return usage(e.getMessage());
    }

    public int exitCode() {
        return exitCode;
    }
}
