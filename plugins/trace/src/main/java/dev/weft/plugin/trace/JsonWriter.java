package dev.weft.plugin.trace;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes compact JSON into a buffer, adding commas itself. Strings are escaped per RFC 8259;
 * numbers are written exactly, never in a locale's form.
 */
final class JsonWriter {

    private final StringBuilder out;
    /** One entry per open object or array: whether it has a member yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        separate();
        out.append('{');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endObject() {
        open.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endArray() {
        open.pop();
        out.append(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            quote(text);
        }
        return this;
    }

    JsonWriter value(long number) {
        separate();
        out.append(number);
        return this;
    }

    JsonWriter value(boolean bool) {
        separate();
        out.append(bool);
        return this;
    }

    /** Writes a decimal exactly as given, such as a time in microseconds with three decimals. */
    JsonWriter value(BigDecimal number) {
        separate();
        out.append(number.toPlainString());
        return this;
    }

    /** Writes nanoseconds as microseconds with three decimals, the trace format's unit, without a BigDecimal. */
    JsonWriter micros(long nanos) {
        separate();
        micros(out, nanos);
        return this;
    }

    private static void micros(StringBuilder out, long nanos) {
        long abs = Math.abs(nanos);
        if (nanos < 0) {
            out.append('-');
        }
        long frac = abs % 1000;
        out.append(abs / 1000).append('.');
        if (frac < 100) {
            out.append(frac < 10 ? "00" : "0");
        }
        out.append(frac);
    }

    /** Writes numbers and booleans as themselves and anything else as text. */
    JsonWriter value(Object any) {
        if (any == null) {
            return value((String) null);
        }
        if (any instanceof Long || any instanceof Integer || any instanceof Short || any instanceof Byte) {
            return value(((Number) any).longValue());
        }
        if (any instanceof Boolean b) {
            return value(b.booleanValue());
        }
        if (any instanceof BigDecimal d) {
            return value(d);
        }
        if ((any instanceof Double || any instanceof Float) && Double.isFinite(((Number) any).doubleValue())) {
            return value(BigDecimal.valueOf(((Number) any).doubleValue()));
        }
        return value(String.valueOf(any));
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] hasMember = open.peek();
        if (hasMember != null) {
            if (hasMember[0]) {
                out.append(',');
            }
            hasMember[0] = true;
        }
    }

    private void quote(String text) {
        quote(out, text);
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        escaped(out, text);
        out.append('"');
    }

    private static void escaped(StringBuilder out, String text) {
        if (plain(text)) {
            // Most values need no escaping: append them whole, not char by char.
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; the line separators too, for JavaScript readers.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
