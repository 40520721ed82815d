package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.quote("a\"b\\c\nd\u0001"));
    }

    @Test
    void emptyOptionalsAreNullAndFieldsKeepTheirOrder() {
        String json = Json.object().put("z", "last?").put("a", Optional.empty()).put("n", 3)
                .put("list", Json.strings(List.of("x", "y"))).put("some", Optional.of("v")).toString();

        assertEquals("{\"z\":\"last?\",\"a\":null,\"n\":3,\"list\":[\"x\",\"y\"],\"some\":\"v\"}", json);
    }
}
