package dev.weft.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.write("a\"b\\c\nd\u0001"));
    }

    @Test
    void emptyOptionalsAreNullAndFieldsKeepTheirOrder() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("z", "last?");
        object.put("a", Optional.empty());
        object.put("n", 3);
        object.put("list", List.of("x", "y"));
        object.put("some", Optional.of("v"));
        object.put("flag", true);
        assertEquals("{\"z\":\"last?\",\"a\":null,\"n\":3,\"list\":[\"x\",\"y\"],\"some\":\"v\",\"flag\":true}",
                Json.write(object));
    }
}
