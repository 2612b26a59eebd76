package dev.fabricscope.cli;

/**
 * The parts of Go's strconv that Go's flag package relies on, with the same acceptance rules and the same
 * error kinds, so flag errors read exactly as a Go program prints them: ParseInt/ParseUint with base 0
 * (prefixes 0b 0o 0x, a bare leading 0 for octal, underscores between digits), ParseBool, and Quote (%q).
 */
final class GoStrconv {
    private GoStrconv() { }

    /** Why a number did not parse; Go's flag package prints these texts after the value. */
    enum NumError {
        SYNTAX("parse error"), RANGE("value out of range");

        final String flagText;

        NumError(String flagText) {
            this.flagText = flagText;
        }
    }

    /** A parse failure of one number: Go returns (clamped value, error); flag only reports the error. */
    static final class NumberFormat extends Exception {
        final NumError kind;

        NumberFormat(NumError kind) {
            super(kind.flagText, null, false, false);
            this.kind = kind;
        }
    }

    /** strconv.ParseUint(s, 0, 64): the result is an unsigned 64-bit value held in a long. */
    static long parseUint64(String s) throws NumberFormat {
        if (s.isEmpty()) throw new NumberFormat(NumError.SYNTAX);
        String s0 = s;
        int base = 10;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            switch (p) {
                case 'b' -> { base = 2; s = s.substring(2); }
                case 'o' -> { base = 8; s = s.substring(2); }
                case 'x' -> { base = 16; s = s.substring(2); }
                default -> { base = 8; s = s.substring(1); }
            }
        }
        boolean underscores = false;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            char lower = Character.toLowerCase(c);
            if (c == '_') {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c < 0x80 && lower >= 'a' && lower <= 'z') {
                d = lower - 'a' + 10;
            } else {
                throw new NumberFormat(NumError.SYNTAX);
            }
            if (d >= base) throw new NumberFormat(NumError.SYNTAX);
            // n * base + d must stay below 2^64 (unsigned)
            if (Long.compareUnsigned(n, Long.divideUnsigned(-1L, base)) > 0) throw new NumberFormat(NumError.RANGE);
            long n1 = n * base + d;
            if (Long.compareUnsigned(n1, n * base) < 0) throw new NumberFormat(NumError.RANGE);
            n = n1;
        }
        if (underscores && !underscoreOk(s0)) throw new NumberFormat(NumError.SYNTAX);
        return n;
    }

    /** strconv.ParseInt(s, 0, 64). */
    static long parseInt64(String s) throws NumberFormat {
        if (s.isEmpty()) throw new NumberFormat(NumError.SYNTAX);
        boolean negative = false;
        String digits = s;
        if (s.charAt(0) == '+') {
            digits = s.substring(1);
        } else if (s.charAt(0) == '-') {
            negative = true;
            digits = s.substring(1);
        }
        long un = parseUint64(digits);
        // cutoff 2^63: 9223372036854775807 is the largest positive, -9223372036854775808 the smallest
        if (!negative && un < 0) throw new NumberFormat(NumError.RANGE);
        if (negative && Long.compareUnsigned(un, Long.MIN_VALUE) > 0) throw new NumberFormat(NumError.RANGE);
        return negative ? -un : un;
    }

    /** Go's underscoreOK: underscores only between digits, or between a base prefix and a digit. */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) s = s.substring(1);
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') return false;
                saw = '_';
                continue;
            }
            if (saw == '_') return false;
            saw = '!';
        }
        return saw != '_';
    }

    /** strconv.ParseBool. */
    static boolean parseBool(String s) throws NumberFormat {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new NumberFormat(NumError.SYNTAX);
        };
    }

    /** strconv.Quote, as fmt's %q prints a string: Go escapes, printable characters kept. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (isPrint(cp)) {
                b.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case 0x07 -> b.append("\\a");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case 0x0b -> b.append("\\v");
                    default -> {
                        if (cp < ' ' || cp == 0x7f) b.append("\\x").append(hex(cp, 2));
                        else if (cp < 0x10000) b.append("\\u").append(hex(cp, 4));
                        else b.append("\\U").append(hex(cp, 8));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') return true;
        if (Character.isSurrogate((char) Math.min(cp, 0xffff)) && cp <= 0xffff) return false;
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
