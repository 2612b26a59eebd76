package dev.fabricscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line flags with the syntax and messages of Go's {@code flag} package (a FlagSet with
 * ExitOnError), for drop-in replacements of Go tools: {@code -f x}, {@code -f=x}, {@code --f x},
 * {@code --f=x}; booleans as {@code -b}, {@code -b=false} (a boolean never takes the next argument);
 * {@code --} ends the flags and so does the first non-flag argument ({@code -} is one). {@code -h} and
 * {@code -help} ask for usage unless defined. Integers take Go literals (0x1f, 0o17, 017, 0b101, 1_000).
 *
 * <p>This class never prints: {@link #parse} returns an {@link Outcome} and {@link #usage()} the text; the
 * caller prints as Go does (all on stderr): for {@link Failed} the message line then the usage, exit 2;
 * for {@link Help} the usage, exit 0.
 */
public final class GoFlags {
    private final String programName;
    private final Map<String, Flag> flags = new TreeMap<>(); // Go lists flags sorted by name

    /** @param programName shown in "Usage of NAME:" (Go shows os.Args[0]) */
    public GoFlags(String programName) {
        this.programName = programName;
    }

    /** The result of {@link #parse}. */
    public sealed interface Outcome permits Parsed, Help, Failed { }

    /** Flags parsed; {@code remaining} are the arguments after them (Go's flag.Args()). */
    public record Parsed(List<String> remaining) implements Outcome {
        public Parsed {
            remaining = List.copyOf(remaining);
        }
    }

    /** -h or -help was given (and is not a defined flag): print the usage, exit 0. */
    public record Help() implements Outcome { }

    /** A bad command line: {@code message} is Go's text, e.g. "flag provided but not defined: -x". */
    public record Failed(String message) implements Outcome { }

    /** A defined flag; the typed subclasses hold the value. */
    public abstract static sealed class Flag permits StringFlag, BoolFlag, IntFlag, UintFlag {
        private final String name;
        private final String usage;
        private final String defaultText;
        private boolean set;

        private Flag(String name, String usage, String defaultText) {
            this.name = name;
            this.usage = usage;
            this.defaultText = defaultText;
        }

        public String name() { return name; }
        public String usage() { return usage; }
        /** The default as Go prints it (the value's String() at definition time). */
        public String defaultText() { return defaultText; }
        /** True when the command line gave this flag (Go's FlagSet.Visit). */
        public boolean isSet() { return set; }

        abstract void set(String text) throws GoStrconv.NumberFormat;
        /** Go's type word for the usage line when the help text has no `name`; "" for booleans. */
        abstract String typeName();
        /** The String() of the type's zero value: defaults equal to it are not printed. */
        abstract String zeroText();
    }

    public static final class StringFlag extends Flag {
        private String value;

        private StringFlag(String name, String value, String usage) {
            super(name, usage, value);
            this.value = value;
        }

        public String value() { return value; }
        @Override void set(String text) { value = text; }
        @Override String typeName() { return "string"; }
        @Override String zeroText() { return ""; }
    }

    public static final class BoolFlag extends Flag {
        private boolean value;

        private BoolFlag(String name, boolean value, String usage) {
            super(name, usage, Boolean.toString(value));
            this.value = value;
        }

        public boolean value() { return value; }
        @Override void set(String text) throws GoStrconv.NumberFormat { value = GoStrconv.parseBool(text); }
        @Override String typeName() { return ""; }
        @Override String zeroText() { return "false"; }
    }

    /** Go's int (64-bit on the platforms Go tools ship for). */
    public static final class IntFlag extends Flag {
        private long value;

        private IntFlag(String name, long value, String usage) {
            super(name, usage, Long.toString(value));
            this.value = value;
        }

        public long value() { return value; }
        @Override void set(String text) throws GoStrconv.NumberFormat { value = GoStrconv.parseInt64(text); }
        @Override String typeName() { return "int"; }
        @Override String zeroText() { return "0"; }
    }

    /** Go's uint (64-bit): {@link #value()} holds the unsigned value in a long (see Long.toUnsignedString). */
    public static final class UintFlag extends Flag {
        private long value;

        private UintFlag(String name, long value, String usage) {
            super(name, usage, Long.toUnsignedString(value));
            this.value = value;
        }

        public long value() { return value; }
        @Override void set(String text) throws GoStrconv.NumberFormat { value = GoStrconv.parseUint64(text); }
        @Override String typeName() { return "uint"; }
        @Override String zeroText() { return "0"; }
    }

    public StringFlag stringFlag(String name, String defaultValue, String usage) {
        return define(new StringFlag(name, defaultValue, usage));
    }

    public BoolFlag boolFlag(String name, boolean defaultValue, String usage) {
        return define(new BoolFlag(name, defaultValue, usage));
    }

    public IntFlag intFlag(String name, long defaultValue, String usage) {
        return define(new IntFlag(name, defaultValue, usage));
    }

    public UintFlag uintFlag(String name, long defaultValue, String usage) {
        return define(new UintFlag(name, defaultValue, usage));
    }

    private <F extends Flag> F define(F flag) {
        // Go panics on these: they are programming errors
        if (flag.name().startsWith("-")) throw new IllegalArgumentException("flag \"" + flag.name() + "\" begins with -");
        if (flag.name().contains("=")) throw new IllegalArgumentException("flag \"" + flag.name() + "\" contains =");
        if (flags.putIfAbsent(flag.name(), flag) != null) {
            throw new IllegalArgumentException(programName + " flag redefined: " + flag.name());
        }
        return flag;
    }

    /** The defined flag called {@code name}, or null. */
    public Flag lookup(String name) {
        return flags.get(name);
    }

    /** Parses {@code args} (without the program name) as Go's FlagSet.Parse does, setting the flags. */
    public Outcome parse(List<String> args) {
        int i = 0;
        while (i < args.size()) {
            String s = args.get(i);
            if (s.length() < 2 || s.charAt(0) != '-') break;   // a non-flag ("-" included) ends the flags
            int minuses = 1;
            if (s.charAt(1) == '-') {
                minuses = 2;
                if (s.length() == 2) {                         // "--" ends the flags and is dropped
                    i++;
                    break;
                }
            }
            String name = s.substring(minuses);
            if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
                return new Failed("bad flag syntax: " + s);
            }
            i++;
            String value = null;
            int eq = name.indexOf('=', 1);
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Flag flag = flags.get(name);
            if (flag == null) {
                if (name.equals("help") || name.equals("h")) return new Help();
                return new Failed("flag provided but not defined: -" + name);
            }
            if (flag instanceof BoolFlag) {
                try {
                    flag.set(value == null ? "true" : value);
                } catch (GoStrconv.NumberFormat e) {
                    return new Failed("invalid boolean value " + GoStrconv.quote(value) + " for -" + name + ": "
                        + e.kind.flagText);
                }
            } else {
                if (value == null) {
                    if (i == args.size()) return new Failed("flag needs an argument: -" + name);
                    value = args.get(i++);
                }
                try {
                    flag.set(value);
                } catch (GoStrconv.NumberFormat e) {
                    return new Failed("invalid value " + GoStrconv.quote(value) + " for flag -" + name + ": "
                        + e.kind.flagText);
                }
            }
            flag.set = true;
        }
        return new Parsed(args.subList(i, args.size()));
    }

    /** Go's default usage: "Usage of NAME:" and then {@link #defaults()}. */
    public String usage() {
        return "Usage of " + programName + ":\n" + defaults();
    }

    /** Go's PrintDefaults: one entry per flag, sorted by name. */
    public String defaults() {
        StringBuilder out = new StringBuilder();
        for (Flag flag : flags.values()) {
            StringBuilder b = new StringBuilder("  -").append(flag.name());
            String usage = flag.usage();
            String valueName = flag.typeName();
            int open = usage.indexOf('`');
            if (open >= 0) {
                int close = usage.indexOf('`', open + 1);
                if (close > 0) {   // the first back-quoted word names the value and loses its quotes
                    valueName = usage.substring(open + 1, close);
                    usage = usage.substring(0, open) + valueName + usage.substring(close + 1);
                }
            }
            if (!valueName.isEmpty()) b.append(' ').append(valueName);
            // a one-letter boolean keeps its help on the same line (Go counts bytes: "  -x")
            b.append(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 4 ? "\t" : "\n    \t");
            b.append(usage.replace("\n", "\n    \t"));
            if (!flag.defaultText().equals(flag.zeroText())) {
                b.append(" (default ")
                    .append(flag instanceof StringFlag ? GoStrconv.quote(flag.defaultText()) : flag.defaultText())
                    .append(')');
            }
            out.append(b).append('\n');
        }
        return out.toString();
    }

    /** All defined flags, sorted by name. */
    public List<Flag> all() {
        return new ArrayList<>(flags.values());
    }
}
