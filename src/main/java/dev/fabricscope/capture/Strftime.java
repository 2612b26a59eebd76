package dev.fabricscope.capture;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A small strftime(3) for rotated file names ({@code -w 'dump-%Y%m%d-%H%M%S' -G 60}), C locale (English
 * names), as tcpdump formats them. Conversions: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M
 * %n %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%; glibc's flags {@code - _ 0 ^} and a field
 * width are accepted; E and O modifiers are ignored. An unknown conversion is copied literally.
 */
public final class Strftime {
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private Strftime() { }

    public static String format(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            char flag = 0;
            while (i < pattern.length() && "-_0^#".indexOf(pattern.charAt(i)) >= 0) flag = pattern.charAt(i++);
            int width = -1;
            while (i < pattern.length() && Character.isDigit(pattern.charAt(i)) && width < 1000) {
                width = Math.max(width, 0) * 10 + (pattern.charAt(i++) - '0');
            }
            while (i < pattern.length() && (pattern.charAt(i) == 'E' || pattern.charAt(i) == 'O')) i++;
            if (i >= pattern.length()) {
                out.append(pattern, start, i);
                break;
            }
            char conversion = pattern.charAt(i++);
            if (!convert(out, conversion, t, flag, width)) out.append(pattern, start, i);
        }
        return out.toString();
    }

    private static boolean convert(StringBuilder out, char c, ZonedDateTime t, char flag, int width) {
        int dow = t.getDayOfWeek().getValue();             // 1 = Monday … 7 = Sunday
        int hour12 = (t.getHour() + 11) % 12 + 1;
        switch (c) {
            case 'a' -> text(out, DAYS[dow - 1].substring(0, 3), flag, width);
            case 'A' -> text(out, DAYS[dow - 1], flag, width);
            case 'b', 'h' -> text(out, MONTHS[t.getMonthValue() - 1].substring(0, 3), flag, width);
            case 'B' -> text(out, MONTHS[t.getMonthValue() - 1], flag, width);
            case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", t));
            case 'C' -> number(out, Math.floorDiv(t.getYear(), 100), 2, '0', flag, width);
            case 'd' -> number(out, t.getDayOfMonth(), 2, '0', flag, width);
            case 'D', 'x' -> out.append(format("%m/%d/%y", t));
            case 'e' -> number(out, t.getDayOfMonth(), 2, ' ', flag, width);
            case 'F' -> out.append(format("%Y-%m-%d", t));
            case 'g' -> number(out, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', flag, width);
            case 'G' -> number(out, t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', flag, width);
            case 'H' -> number(out, t.getHour(), 2, '0', flag, width);
            case 'I' -> number(out, hour12, 2, '0', flag, width);
            case 'j' -> number(out, t.getDayOfYear(), 3, '0', flag, width);
            case 'k' -> number(out, t.getHour(), 2, ' ', flag, width);
            case 'l' -> number(out, hour12, 2, ' ', flag, width);
            case 'm' -> number(out, t.getMonthValue(), 2, '0', flag, width);
            case 'M' -> number(out, t.getMinute(), 2, '0', flag, width);
            case 'n' -> out.append('\n');
            case 'p' -> text(out, t.getHour() < 12 ? "AM" : "PM", flag, width);
            case 'P' -> text(out, t.getHour() < 12 ? "am" : "pm", flag, width);
            case 'r' -> out.append(format("%I:%M:%S %p", t));
            case 'R' -> out.append(format("%H:%M", t));
            case 's' -> number(out, t.toEpochSecond(), 1, '0', flag, width);
            case 'S' -> number(out, t.getSecond(), 2, '0', flag, width);
            case 't' -> out.append('\t');
            case 'T', 'X' -> out.append(format("%H:%M:%S", t));
            case 'u' -> number(out, dow, 1, '0', flag, width);
            case 'U' -> number(out, (t.getDayOfYear() - 1 + 7 - dow % 7) / 7, 2, '0', flag, width);
            case 'V' -> number(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', flag, width);
            case 'w' -> number(out, dow % 7, 1, '0', flag, width);
            case 'W' -> number(out, (t.getDayOfYear() - 1 + 7 - (dow - 1)) / 7, 2, '0', flag, width);
            case 'y' -> number(out, Math.floorMod(t.getYear(), 100), 2, '0', flag, width);
            case 'Y' -> number(out, t.getYear(), 1, '0', flag, width);
            case 'z' -> out.append(offset(t.get(ChronoField.OFFSET_SECONDS)));
            case 'Z' -> text(out, zoneAbbreviation(t), flag, width);
            case '%' -> out.append('%');
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void number(StringBuilder out, long value, int defaultWidth, char defaultPad, char flag, int width) {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) out.append('-');
        int w = flag == '-' ? 0 : (width >= 0 ? width : defaultWidth) - (value < 0 ? 1 : 0);
        char pad = flag == '_' ? ' ' : flag == '0' ? '0' : defaultPad;
        for (int n = digits.length(); n < w; n++) out.append(pad);
        out.append(digits);
    }

    private static void text(StringBuilder out, String s, char flag, int width) {
        for (int n = s.length(); n < width; n++) out.append(flag == '0' ? '0' : ' ');
        out.append(flag == '^' ? s.toUpperCase(Locale.ROOT) : s);
    }

    private static String offset(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return String.format(Locale.ROOT, "%c%02d%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
    }

    private static String zoneAbbreviation(ZonedDateTime t) {
        TimeZone zone = TimeZone.getTimeZone(t.getZone());
        return zone.getDisplayName(zone.inDaylightTime(java.util.Date.from(t.toInstant())), TimeZone.SHORT, Locale.US);
    }
}
