package dev.fabricscope.json;

/**
 * Builds one JSON object on one line into a reused StringBuilder, for JSON-lines output: fields are
 * appended in call order, strings escaped per RFC 8259. Nested objects and arrays open with
 * {@link #object}/{@link #array} and close with {@link #close}; inside an array, values are added with
 * the {@code value} methods and {@link #object()}. Renderers use it; it never parses.
 */
public final class JsonLine {
    private static final int MAX_DEPTH = 32;

    private final StringBuilder out;
    /** Per nesting level: no member written yet; and whether the level is an array. */
    private final boolean[] first = new boolean[MAX_DEPTH];
    private final boolean[] array = new boolean[MAX_DEPTH];
    private int depth;

    public JsonLine(StringBuilder out) {
        this.out = out;
    }

    /** Starts a new object (the builder's previous content is kept: callers clear it). */
    public JsonLine begin() {
        out.append('{');
        depth = 0;
        first[0] = true;
        array[0] = false;
        return this;
    }

    /** Opens a nested object as field {@code name}. */
    public JsonLine object(String name) {
        key(name);
        return open('{', false);
    }

    /** Opens a nested object as the next element of the array being written. */
    public JsonLine object() {
        separator();
        return open('{', false);
    }

    /** Opens an array as field {@code name}. */
    public JsonLine array(String name) {
        key(name);
        return open('[', true);
    }

    /** Closes the innermost nested object or array. */
    public JsonLine close() {
        if (depth == 0) throw new IllegalStateException("nothing open");
        out.append(array[depth] ? ']' : '}');
        depth--;
        return this;
    }

    /** A string element of the array being written (null writes null). */
    public JsonLine value(String value) {
        separator();
        if (value == null) out.append("null");
        else string(value);
        return this;
    }

    /** A number element of the array being written. */
    public JsonLine value(long value) {
        separator();
        out.append(value);
        return this;
    }

    private JsonLine open(char bracket, boolean isArray) {
        if (depth + 1 >= MAX_DEPTH) throw new IllegalStateException("nesting deeper than " + MAX_DEPTH);
        out.append(bracket);
        depth++;
        first[depth] = true;
        array[depth] = isArray;
        return this;
    }

    public JsonLine field(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonLine field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    public JsonLine field(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    /** A packet time as an RFC 3339 UTC string ({@link Rfc3339#utc}), written in place. */
    public JsonLine time(String name, long epochNanos) {
        key(name);
        out.append('"');
        Rfc3339.appendUtc(out, epochNanos);
        out.append('"');
        return this;
    }

    /** A value that is already JSON text (a nested object or array built by the caller). */
    public JsonLine raw(String name, CharSequence json) {
        key(name);
        out.append(json);
        return this;
    }

    /** Ends the object and the line. */
    public void end() {
        endObject();
        out.append('\n');
    }

    /** Ends the object; the caller ends the line. */
    public void endObject() {
        while (depth > 0) close();
        out.append('}');
    }

    private void key(String name) {
        separator();
        string(name);
        out.append(':');
    }

    private void separator() {
        if (!first[depth]) out.append(',');
        first[depth] = false;
    }

    /**
     * A JSON string: runs of printable ASCII are copied whole; quotes, backslashes, controls and everything
     * beyond ASCII are escaped, so a line is ASCII and the same bytes in every locale (standard output is
     * encoded in the locale's charset: in the C locale a raw 'é' would become '?').
     */
    private void string(String s) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') continue;
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    out.append("\\u");
                    for (int shift = 12; shift >= 0; shift -= 4) out.append(Character.forDigit((c >> shift) & 0xf, 16));
                }
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }
}
