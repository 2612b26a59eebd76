package dev.fabricscope.json;

/**
 * Builds one JSON object on one line into a reused StringBuilder, for JSON-lines output: fields are
 * appended in call order, strings escaped per RFC 8259. Renderers use it; it never parses.
 */
public final class JsonLine {
    private final StringBuilder out;
    private boolean first = true;

    public JsonLine(StringBuilder out) {
        this.out = out;
    }

    /** Starts a new object (the builder's previous content is kept: callers clear it). */
    public JsonLine begin() {
        out.append('{');
        first = true;
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

    /** A value that is already JSON text (a nested object or array built by the caller). */
    public JsonLine raw(String name, CharSequence json) {
        key(name);
        out.append(json);
        return this;
    }

    /** Ends the object and the line. */
    public void end() {
        out.append("}\n");
    }

    private void key(String name) {
        if (!first) out.append(',');
        first = false;
        string(name);
        out.append(':');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00");
                        out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
