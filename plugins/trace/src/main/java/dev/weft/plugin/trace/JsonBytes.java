package dev.weft.plugin.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text built straight into UTF-8 bytes: every call becomes several trace events, and building
 * them as chars, then a String, then bytes cost more than the rest of the trace together. The
 * caller writes the punctuation; constant pieces are pre-encoded with {@link #ascii}. Strings are
 * escaped per RFC 8259, and the line separators too, for JavaScript readers; numbers are written
 * exactly, never in a locale's form.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[i * 2] = (byte) ('0' + i / 10);
            PAIRS[i * 2 + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int len;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    /** @return the bytes of a constant piece of ASCII text, to hand to {@link #raw(byte[])} */
    static byte[] ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + text);
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    int length() {
        return len;
    }

    boolean isEmpty() {
        return len == 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Empties the buffer, keeping its capacity. */
    void clear() {
        len = 0;
    }

    /** Appends what another builder holds. */
    JsonBytes append(JsonBytes other) {
        ensure(other.len);
        System.arraycopy(other.buf, 0, buf, len, other.len);
        len += other.len;
        return this;
    }

    /** Hands everything built so far to {@code out} and starts again. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    JsonBytes raw(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, buf, len, ascii.length);
        len += ascii.length;
        return this;
    }

    JsonBytes raw(char ascii) {
        ensure(1);
        buf[len++] = (byte) ascii;
        return this;
    }

    /**
     * Appends a value of any type, as a plugin's event field may hold: integers, finite floating
     * point numbers and booleans as themselves, {@code null} as null, anything else as its text.
     */
    JsonBytes value(Object any) {
        if (any == null) {
            return raw(NULL);
        }
        if (any instanceof Long || any instanceof Integer || any instanceof Short || any instanceof Byte) {
            return number(((Number) any).longValue());
        }
        if (any instanceof Boolean b) {
            return raw(b ? TRUE : FALSE);
        }
        if (any instanceof BigDecimal d) {
            return raw(ascii(d.toPlainString()));
        }
        if ((any instanceof Double || any instanceof Float) && Double.isFinite(((Number) any).doubleValue())) {
            return raw(ascii(BigDecimal.valueOf(((Number) any).doubleValue()).toPlainString()));
        }
        return string(String.valueOf(any));
    }

    JsonBytes number(long value) {
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return raw(ascii(Long.toString(value)));
            }
            buf[len++] = '-';
            value = -value;
        }
        if (value <= Integer.MAX_VALUE) {
            // Call ids, attempts and times are nearly always this small; int division is much cheaper.
            positive((int) value, digits((int) value));
            return this;
        }
        long high = value / 1_000_000_000L;
        number(high);
        positive((int) (value - high * 1_000_000_000L), 9);
        return this;
    }

    /** Writes a non-negative int as exactly {@code width} digits, with leading zeros, two at a time. */
    private void positive(int value, int width) {
        int at = len + width;
        while (value >= 100) {
            int q = value / 100;
            int pair = (value - q * 100) * 2;
            buf[--at] = PAIRS[pair + 1];
            buf[--at] = PAIRS[pair];
            value = q;
        }
        if (value >= 10) {
            buf[--at] = PAIRS[value * 2 + 1];
            buf[--at] = PAIRS[value * 2];
        } else {
            buf[--at] = (byte) ('0' + value);
        }
        while (at > len) {
            buf[--at] = '0';
        }
        len += width;
    }

    /** Appends nanoseconds as microseconds with three decimals, the trace format's unit. */
    JsonBytes micros(long nanos) {
        if (nanos < 0) {
            raw('-');
            nanos = nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos;
        }
        long micros = nanos / 1000;
        number(micros);
        ensure(4);
        buf[len++] = '.';
        positive((int) (nanos - micros * 1000), 3);
        return this;
    }

    /** Appends a string in quotes. */
    JsonBytes string(String text) {
        raw('"');
        escaped(text);
        return raw('"');
    }

    /** Appends a string's escaped text as UTF-8, without quotes. */
    JsonBytes escaped(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (len == buf.length) {
                    ensure(n - i);
                }
                buf[len++] = (byte) c;
            } else {
                i = special(text, i);
            }
        }
        return this;
    }

    /** Appends the character at {@code i} that needs escaping or more than one byte; @return the last index used. */
    private int special(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case '"' -> raw('\\').raw('"');
            case '\\' -> raw('\\').raw('\\');
            case '\n' -> raw('\\').raw('n');
            case '\r' -> raw('\\').raw('r');
            case '\t' -> raw('\\').raw('t');
            case '\b' -> raw('\\').raw('b');
            case '\f' -> raw('\\').raw('f');
            default -> {
                // Control characters must be escaped; the line separators too, for JavaScript readers.
                if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                    raw('\\').raw('u').raw((char) HEX[c >> 12]).raw((char) HEX[(c >> 8) & 0xf])
                            .raw((char) HEX[(c >> 4) & 0xf]).raw((char) HEX[c & 0xf]);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    raw(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                    return i + 1;
                } else {
                    // A lone surrogate becomes '?', as Java's UTF-8 encoder writes it.
                    raw(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return i;
    }

    private static int digits(int value) {
        int digits = 1;
        for (int bound = 10; digits < 10 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
