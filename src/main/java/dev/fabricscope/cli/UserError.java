package dev.fabricscope.cli;

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

    public int exitCode() {
        return exitCode;
    }
}
