package dev.weft.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Just enough JSON writing for {@code plugins --json}: objects keep their field order. */
final class Json {

    private Json() {
    }

    static Obj object() {
        return new Obj();
    }

    static Array array() {
        return new Array();
    }

    static Array strings(List<String> values) {
        Array array = array();
        values.forEach(array::add);
        return array;
    }

    /** A JSON object under construction. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        /** @param value a String, Number, Boolean, Obj, Array, or an Optional of one (empty is null) */
        Obj put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                sb.append(sep).append(quote(field.getKey())).append(':').append(value(field.getValue()));
                sep = ",";
            }
            return sb.append('}').toString();
        }
    }

    /** A JSON array under construction. */
    static final class Array {
        private final List<Object> items = new ArrayList<>();

        Array add(Object value) {
            items.add(value);
            return this;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            String sep = "";
            for (Object item : items) {
                sb.append(sep).append(value(item));
                sep = ",";
            }
            return sb.append(']').toString();
        }
    }

    private static String value(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(Json::value).orElse("null");
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Obj || value instanceof Array) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
