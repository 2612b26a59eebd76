package dev.fabricscope.cli;

import picocli.CommandLine;

/** Parses a non-negative integer written in decimal ("210") or hex with 0x ("0xd2"). */
public final class DecimalOrHexConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip();
        try {
            long n = v.regionMatches(true, 0, "0x", 0, 2) ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (decimal, or hex with 0x)");
        }
    }
}
