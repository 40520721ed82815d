package dev.weft.bench;

import java.util.Locale;

/** Builds one flat JSON object, keys in the order added: what the runner prints, one per line. */
final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");

    JsonLine put(String key, String value) {
        key(key);
        quote(value);
        return this;
    }

    JsonLine put(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    /** Finite numbers only: JSON has no NaN; three significant decimals are plenty for a ratio. */
    JsonLine put(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + key + "' is not a finite number: " + value);
        }
        key(key);
        out.append(Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    JsonLine put(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    private void key(String key) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(key);
        out.append(':');
    }

    private void quote(String s) {
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
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
