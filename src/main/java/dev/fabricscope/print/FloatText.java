package dev.fabricscope.print;

/**
 * printf's "%.10g" of a float promoted to double, as glibc writes it: the exact binary value rounded half-even to
 * ten significant digits, then "%f" or "%e" by the decimal exponent, trailing zeros and a bare point dropped; "nan",
 * "-nan", "inf" and "-inf" as glibc spells them. The exact value is taken apart in fixed big-number buffers (a float
 * needs at most about 210 bits here), so formatting allocates nothing. One per printer: the buffers are its state.
 */
final class FloatText {
    private static final int PRECISION = 10;
    /** 32-bit limbs, least significant first: room for the largest scaled value (below 2^215) with margin. */
    private static final int LIMBS = 8;

    private final int[] numerator = new int[LIMBS];
    private final int[] denominator = new int[LIMBS];
    private final int[] scratch = new int[LIMBS];
    private final byte[] digits = new byte[PRECISION];

    /** Appends {@code value} as "%.10g". */
    void g10(StringBuilder out, float value) {
        int bits = Float.floatToRawIntBits(value);
        if (bits < 0) out.append('-');
        if (Float.isNaN(value)) {
            out.append("nan");
            return;
        }
        if (Float.isInfinite(value)) {
            out.append("inf");
            return;
        }
        int biased = (bits >>> 23) & 0xff;
        long mantissa = bits & 0x7fffff;
        if (mantissa == 0 && biased == 0) {
            out.append('0');
            return;
        }
        int exponent;
        if (biased == 0) {
            exponent = -149;
        } else {
            mantissa |= 0x800000;
            exponent = biased - 150;
        }
        int decimalExponent = significantDigits(mantissa, exponent, Math.abs((double) value));
        if (decimalExponent < -4 || decimalExponent >= PRECISION) scientific(out, decimalExponent);
        else fixed(out, decimalExponent);
    }

    /**
     * Fills {@link #digits} with mantissa * 2^exponent rounded half-even to ten significant digits; returns the
     * decimal exponent of the first digit.
     */
    private int significantDigits(long mantissa, int exponent, double magnitude) {
        set(numerator, mantissa);
        set(denominator, 1);
        if (exponent >= 0) shiftLeft(numerator, exponent);
        else shiftLeft(denominator, -exponent);
        int k = (int) Math.floor(Math.log10(magnitude));
        for (int i = 0; i < Math.abs(k); i++) multiply(k >= 0 ? denominator : numerator, 10);
        // the logarithm may be one off: bring the quotient into [1, 10)
        if (compare(numerator, denominator) < 0) {
            multiply(numerator, 10);
            k--;
        }
        System.arraycopy(denominator, 0, scratch, 0, LIMBS);
        multiply(scratch, 10);
        if (compare(numerator, scratch) >= 0) {
            multiply(denominator, 10);
            k++;
        }
        for (int i = 0; i < PRECISION; i++) {
            if (i > 0) multiply(numerator, 10);
            int digit = 0;
            while (compare(numerator, denominator) >= 0) {
                subtract(numerator, denominator);
                digit++;
            }
            digits[i] = (byte) digit;
        }
        shiftLeft(numerator, 1);   // the rest against one half
        int half = compare(numerator, denominator);
        if (half > 0 || (half == 0 && (digits[PRECISION - 1] & 1) != 0)) {
            int i = PRECISION - 1;
            while (i >= 0 && digits[i] == 9) digits[i--] = 0;
            if (i >= 0) {
                digits[i]++;
            } else {
                digits[0] = 1;
                k++;
            }
        }
        return k;
    }

    /** "d.ddde+XX", the fraction without trailing zeros. */
    private void scientific(StringBuilder out, int decimalExponent) {
        out.append((char) ('0' + digits[0]));
        int last = lastNonZero();
        if (last > 0) {
            out.append('.');
            for (int i = 1; i <= last; i++) out.append((char) ('0' + digits[i]));
        }
        out.append('e').append(decimalExponent < 0 ? '-' : '+');
        int magnitude = Math.abs(decimalExponent);
        if (magnitude < 10) out.append('0');
        out.append(magnitude);
    }

    /** "ddd.ddd" or "0.000ddd", the fraction without trailing zeros. */
    private void fixed(StringBuilder out, int decimalExponent) {
        int last = lastNonZero();
        if (decimalExponent < 0) {
            out.append("0.");
            for (int i = -1; i > decimalExponent; i--) out.append('0');
            for (int i = 0; i <= last; i++) out.append((char) ('0' + digits[i]));
            return;
        }
        for (int i = 0; i <= decimalExponent; i++) out.append((char) ('0' + digits[i]));
        if (last > decimalExponent) {
            out.append('.');
            for (int i = decimalExponent + 1; i <= last; i++) out.append((char) ('0' + digits[i]));
        }
    }

    private int lastNonZero() {
        int last = PRECISION - 1;
        while (last > 0 && digits[last] == 0) last--;
        return last;
    }

    private static void set(int[] a, long value) {
        java.util.Arrays.fill(a, 0);
        a[0] = (int) value;
        a[1] = (int) (value >>> 32);
    }

    private static void shiftLeft(int[] a, int n) {
        int words = n / 32, bitsLeft = n % 32;
        for (int i = LIMBS - 1; i >= 0; i--) {
            long high = i - words >= 0 ? a[i - words] & 0xffffffffL : 0;
            long low = i - words - 1 >= 0 ? a[i - words - 1] & 0xffffffffL : 0;
            a[i] = bitsLeft == 0 ? (int) high : (int) ((high << bitsLeft) | (low >>> (32 - bitsLeft)));
        }
    }

    private static void multiply(int[] a, int factor) {
        long carry = 0;
        for (int i = 0; i < LIMBS; i++) {
            long product = (a[i] & 0xffffffffL) * factor + carry;
            a[i] = (int) product;
            carry = product >>> 32;
        }
    }

    private static int compare(int[] a, int[] b) {
        for (int i = LIMBS - 1; i >= 0; i--) {
            if (a[i] != b[i]) return Integer.compareUnsigned(a[i], b[i]);
        }
        return 0;
    }

    /** a -= b, where a >= b. */
    private static void subtract(int[] a, int[] b) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long difference = (a[i] & 0xffffffffL) - (b[i] & 0xffffffffL) - borrow;
            a[i] = (int) difference;
            borrow = difference < 0 ? 1 : 0;
        }
    }
}
