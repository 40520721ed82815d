package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void readsEveryKindOfValue() {
        Object value = Json.parse("{\"s\":\"x\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[],{}]}");

        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("n", new BigDecimal("-1.5e3"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("a", List.of(BigDecimal.ONE, List.of(), Map.of()));
        assertEquals(expected, value);
    }

    @Test
    void keepsMembersInTheTextsOrder() {
        Map<String, Object> object = Json.parseObject("{\"b\":1,\"a\":2,\"c\":3}");

        assertEquals(List.of("b", "a", "c"), new ArrayList<>(object.keySet()));
    }

    @Test
    void numbersAreExactDecimalsThatKeepTheirScale() {
        assertEquals(Arrays.asList(new BigDecimal("0.800"), new BigDecimal("7"), new BigDecimal("-0"),
                new BigDecimal("1E+2")), Json.parseArray("[0.800, 7, -0, 1E+2]"));
    }

    @Test
    void readsEscapesIncludingUnicode() {
        assertEquals("\"\\/\b\f\n\r\t é☃", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t \\u00e9\\u2603\""));
    }

    @Test
    void allowsWhitespaceAroundTokensAndTopLevelScalars() {
        assertEquals(List.of(BigDecimal.ONE, "a"), Json.parse(" \t\r\n[ 1 ,\n \"a\" ] \n"));
        assertNull(Json.parse(" null "));
        assertEquals(Boolean.TRUE, Json.parse("true"));
    }

    @Test
    void theErrorSaysTheOffsetWhereTheTextStopsBeingJson() {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> Json.parse("{\"a\":1,}"));

        assertEquals(7, e.offset());
        assertTrue(e.getMessage().startsWith("not JSON at offset 7: expected a member name"), e.getMessage());
    }

    @Test
    void refusesWhatRfc8259DoesNotAllow() {
        Map<String, Integer> badAt = new java.util.LinkedHashMap<>();
        badAt.put("", 0);
        badAt.put("   ", 3);
        badAt.put("{\"a\":1", 6);
        badAt.put("{a:1}", 1);
        badAt.put("{'a':1}", 1);
        badAt.put("{\"a\" 1}", 5);
        badAt.put("{\"a\":1 \"b\":2}", 7);
        badAt.put("[1,]", 3);
        badAt.put("[1 2]", 3);
        badAt.put("{\"a\":NaN}", 5);
        badAt.put("[01]", 2);
        badAt.put("[1.]", 3);
        badAt.put("[.5]", 1);
        badAt.put("[1e]", 3);
        badAt.put("[+1]", 1);
        badAt.put("[tru]", 1);
        badAt.put("\"a\u0001\"", 2);
        badAt.put("\"\\x\"", 1);
        badAt.put("\"\\u12g4\"", 5);
        badAt.put("\"open", 5);
        badAt.put("[1] 2", 4);
        badAt.put("{\"a\":1,\"a\":2}", 7);
        for (Map.Entry<String, Integer> bad : badAt.entrySet()) {
            MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> Json.parse(bad.getKey()),
                    bad.getKey());
            assertEquals(bad.getValue(), e.offset(), bad.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void aMalformedJsonExceptionIsAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{"));
    }

    @Test
    void parseObjectAndParseArrayRefuseTheOtherKinds() {
        MalformedJsonException notObject = assertThrows(MalformedJsonException.class, () -> Json.parseObject("[1]"));
        assertTrue(notObject.getMessage().contains("expected an object, found an array"), notObject.getMessage());
        MalformedJsonException notArray = assertThrows(MalformedJsonException.class, () -> Json.parseArray("\"s\""));
        assertTrue(notArray.getMessage().contains("expected an array, found a string"), notArray.getMessage());
    }

    @Test
    void theMessageQuotesTheTextAroundTheOffset() {
        MalformedJsonException e = assertThrows(MalformedJsonException.class,
                () -> Json.parse("{\"name\":\"weft\",\"calls\":oops}"));

        assertTrue(e.getMessage().contains("near '"), e.getMessage());
        assertTrue(e.getMessage().contains("\"calls\":oops"), e.getMessage());
    }
}
