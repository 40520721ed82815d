package dev.weft.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict JSON reader (RFC 8259) for test assertions, so that a test reading what a plugin
 * writes also checks that it is JSON.
 *
 * <p>Values come back as plain Java objects:
 * <ul>
 *   <li>an object as a {@code Map<String, Object>} that keeps the members in the text's order;</li>
 *   <li>an array as a {@code List<Object>};</li>
 *   <li>a string as a {@code String};</li>
 *   <li>a number as a {@link BigDecimal}, exactly as written ({@code 1.50} keeps its scale, so
 *       compare with {@code compareTo} or with a {@code BigDecimal} of the same scale);</li>
 *   <li>{@code true} and {@code false} as {@code Boolean}, {@code null} as {@code null}.</li>
 * </ul>
 * The maps and lists are mutable copies that belong to the caller.
 *
 * <h2>Strictness</h2>
 * Anything RFC 8259 does not allow is refused with a {@link MalformedJsonException} that names
 * the offset: trailing commas, single quotes, unquoted names, {@code NaN}, leading zeros, control
 * characters in strings, bad escapes, text after the value. Duplicate member names are refused
 * too, since a test would silently read only one of them.
 *
 * @since 0.1
 */
public final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Reads one JSON value that makes up the whole text (surrounding whitespace allowed).
     *
     * @param text the text; never {@code null}
     * @return the value: a map, list, string, {@link BigDecimal}, boolean or {@code null}
     * @throws MalformedJsonException if the text is not exactly one JSON value
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        Json reader = new Json(text);
        Object value = reader.value();
        reader.space();
        if (reader.at != text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /**
     * Reads a text that must be one JSON object.
     *
     * @param text the text; never {@code null}
     * @return its members, in the text's order
     * @throws MalformedJsonException if the text is not JSON, or is JSON but not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new MalformedJsonException(0, "expected an object, found " + kind(value), text);
        }
        return (Map<String, Object>) value;
    }

    /**
     * Reads a text that must be one JSON array.
     *
     * @param text the text; never {@code null}
     * @return its elements, in order
     * @throws MalformedJsonException if the text is not JSON, or is JSON but not an array
     */
    @SuppressWarnings("unchecked")
    public static List<Object> parseArray(String text) {
        Object value = parse(text);
        if (!(value instanceof List)) {
            throw new MalformedJsonException(0, "expected an array, found " + kind(value), text);
        }
        return (List<Object>) value;
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        return value == null ? "null" : "a boolean";
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("end of text where a value was expected");
        }
        return switch (text.charAt(at)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int nameAt = at;
            String name = string();
            space();
            expect(':');
            Object value = value();
            if (members.containsKey(name)) {
                at = nameAt;
                throw error("duplicate member name \"" + name + "\"");
            }
            members.put(name, value);
            space();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                at--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        List<Object> elements = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return elements;
        }
        while (true) {
            elements.add(value());
            space();
            char c = next();
            if (c == ']') {
                return elements;
            }
            if (c != ',') {
                at--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    at -= 2;
                    throw error("bad escape \\" + e);
                }
            }
        }
    }

    /** The four hex digits after {@code \\u}. */
    private char unicodeEscape() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(peek(), 16);
            if (digit < 0) {
                throw error("expected four hex digits after \\u");
            }
            value = value * 16 + digit;
            at++;
        }
        return (char) value;
    }

    private BigDecimal number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
        return new BigDecimal(text.substring(start, at));
    }

    private void digits() {
        int start = at;
        while (isDigit(peek())) {
            at++;
        }
        if (at == start) {
            throw error(at < text.length() ? "expected a digit, found '" + text.charAt(at) + "'"
                    : "end of text where a digit was expected");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("expected " + word);
        }
        at += word.length();
        return value;
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    /** The character at the offset, or NUL at the end of the text (NUL is never valid where peeked). */
    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() {
        if (at >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(at++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private MalformedJsonException error(String problem) {
        return new MalformedJsonException(at, problem, text);
    }
}
