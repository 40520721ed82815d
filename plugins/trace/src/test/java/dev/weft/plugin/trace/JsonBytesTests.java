package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.testkit.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBytesTests {

    private static String text(JsonBytes bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void stringsWithQuotesBackslashesControlCharactersAndAnyUnicodeSurviveARoundTrip() {
        String nasty = "say \"hi\"\\ \n\t\r\b\f \u0001 \u001f \u2028 \u2029 é ✓ 😀 end";

        String written = text(new JsonBytes(4).raw('{').string(nasty).raw(':').string(nasty).raw('}'));

        assertEquals(Map.of(nasty, nasty), Json.parse(written));
        assertEquals("\"\\u0001\\u2028\"", text(new JsonBytes(4).string("\u0001\u2028")),
                "control characters and line separators are escaped");
    }

    @Test
    void anotherBuildersTextCanBeAppendedAgainAndAgainAndItCanBeClearedForReuse() {
        JsonBytes id = new JsonBytes(2).number(1234567);
        JsonBytes out = new JsonBytes(4).raw('[').append(id).raw(',').append(id).raw(']');
        assertEquals("[1234567,1234567]", text(out));
        id.clear();
        assertEquals("[8]", text(new JsonBytes(4).raw('[').append(id.number(8)).raw(']')));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkRatherThanBrokenUtf8() {
        assertEquals("\"a?b\"", text(new JsonBytes(4).string("a\ud800b")));
    }

    @Test
    void valuesOfAnyTypeAreWrittenAsJsonValuesAndTheRestAsText() {
        JsonBytes bytes = new JsonBytes(4).raw('[');
        Object[] values = {1L, 7, true, null, new BigDecimal("1.250"), 2.5, Double.NaN, java.time.Duration.ofSeconds(2)};
        for (int i = 0; i < values.length; i++) {
            bytes.value(values[i]).raw(i < values.length - 1 ? ',' : ']');
        }
        assertEquals("[1,7,true,null,1.250,2.5,\"NaN\",\"PT2S\"]", text(bytes));
        assertEquals(Arrays.asList(BigDecimal.ONE, new BigDecimal(7), true, null, new BigDecimal("1.250"),
                new BigDecimal("2.5"), "NaN", "PT2S"), Json.parse(text(bytes)));
    }

    @Test
    void numbersAreWrittenExactlyAtTheirLimits() {
        JsonBytes bytes = new JsonBytes(2).raw('[');
        long[] numbers = {0, 7, -7, 10, 99, 100, 1_000_000_007L, Integer.MAX_VALUE, 2_147_483_648L, 5_000_000_007L,
            10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        StringBuilder expected = new StringBuilder("[");
        for (long n : numbers) {
            bytes.number(n).raw(',');
            expected.append(n).append(',');
        }
        assertEquals(expected.toString(), text(bytes));
    }

    @Test
    void microsAreWrittenExactlyWithThreeDecimals() {
        long[] nanos = {0, 7, 2_000_000_000L, 1_234_567, -1_050, 999};
        JsonBytes bytes = new JsonBytes(8).raw('[');
        for (int i = 0; i < nanos.length; i++) {
            bytes.micros(nanos[i]).raw(i < nanos.length - 1 ? ',' : ']');
        }
        assertEquals("[0.000,0.007,2000000.000,1234.567,-1.050,0.999]", text(bytes));
    }

    @Test
    void onlyAsciiMayBePreEncoded() {
        assertEquals(List.of("x"), Json.parse(text(new JsonBytes(1).raw(JsonBytes.ascii("[\"x\"]")))));
        assertThrows(IllegalArgumentException.class, () -> JsonBytes.ascii("é"));
    }

    @Test
    void theTestReaderRejectsWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"a\u0001\""));
    }
}
