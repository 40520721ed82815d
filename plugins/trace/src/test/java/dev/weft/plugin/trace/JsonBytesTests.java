package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBytesTests {

    private static String text(JsonBytes bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreEscapedAsTheGeneralWriterEscapesThemAndEncodedAsUtf8() {
        String nasty = "say \"hi\"\\ \n\t\r\b\f \u0001 \u001f \u2028 \u2029 é ✓ 😀 end";
        StringBuilder expected = new StringBuilder();
        new JsonWriter(expected).value(nasty);

        String written = text(new JsonBytes(4).string(nasty));

        assertEquals(expected.toString(), written);
        assertEquals(nasty, MiniJson.parse(written));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkRatherThanBrokenUtf8() {
        assertEquals("\"a?b\"", text(new JsonBytes(4).string("a\ud800b")));
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
    void microsHaveThreeDecimalsAsTheGeneralWriterWritesThem() {
        long[] nanos = {0, 7, 2_000_000_000L, 1_234_567, -1_050, 999};
        JsonBytes bytes = new JsonBytes(8).raw('[');
        StringBuilder expected = new StringBuilder();
        JsonWriter writer = new JsonWriter(expected).beginArray();
        for (int i = 0; i < nanos.length; i++) {
            bytes.micros(nanos[i]).raw(i < nanos.length - 1 ? ',' : ']');
            writer.micros(nanos[i]);
        }
        writer.endArray();
        assertEquals(expected.toString(), text(bytes));
        assertEquals("[0.000,0.007,2000000.000,1234.567,-1.050,0.999]", text(bytes));
    }

    @Test
    void onlyAsciiMayBePreEncoded() {
        assertEquals(List.of("x"), MiniJson.parse(text(new JsonBytes(1).raw(JsonBytes.ascii("[\"x\"]")))));
        assertThrows(IllegalArgumentException.class, () -> JsonBytes.ascii("é"));
    }
}
