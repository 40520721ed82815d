package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTests {

    @Test
    void stringsWithQuotesBackslashesAndControlCharactersSurviveARoundTrip() {
        String nasty = "say \"hi\"\\ \n\t\r\b\f \u0001 \u2028 é ✓";
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject().name(nasty).value(nasty).endObject();
        assertEquals(Map.of(nasty, nasty), MiniJson.parse(out.toString()));
    }

    @Test
    void commasSeparateMembersAndElementsAtEveryDepth() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject()
                .name("a").beginArray().value(1L).value(true).value((String) null).beginObject().endObject().endArray()
                .name("b").value(new BigDecimal("1.250"))
                .name("c").value((Object) 2.5)
                .endObject();
        assertEquals("{\"a\":[1,true,null,{}],\"b\":1.250,\"c\":2.5}", out.toString());
        assertEquals(Map.of("a", java.util.Arrays.asList(new BigDecimal(1), true, null, Map.of()),
                "b", new BigDecimal("1.250"), "c", new BigDecimal("2.5")), MiniJson.parse(out.toString()));
    }

    @Test
    void nonFiniteNumbersAreWrittenAsText() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginArray().value((Object) Double.NaN).endArray();
        assertEquals(List.of("NaN"), MiniJson.parse(out.toString()));
    }

    @Test
    void theTestReaderRejectsWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1] 2"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("\"a\u0001\""));
    }

    @Test
    void microsAreWrittenExactlyWithThreeDecimals() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginArray().micros(0).micros(7).micros(2_000_000_000L).micros(1_234_567).micros(-1_050)
                .endArray();
        org.junit.jupiter.api.Assertions.assertEquals("[0.000,0.007,2000000.000,1234.567,-1.050]", out.toString());
    }
}
