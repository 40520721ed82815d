package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.ExitState;
import org.junit.jupiter.api.Test;

class ExitCodesTests {

    @Test
    void eachWayARunEndsHasItsDocumentedCode() {
        assertEquals(0, ExitCodes.of(ExitState.of(ExitState.Code.EXHAUSTED)));
        assertEquals(0, ExitCodes.of(ExitState.of(ExitState.Code.STOPPED)));
        assertEquals(1, ExitCodes.of(ExitState.of(ExitState.Code.EXCEPTION)));
        assertEquals(1, ExitCodes.of(ExitState.of(ExitState.Code.CANCELLED)));
        assertEquals(3, ExitCodes.of(ExitState.of(ExitState.Code.TIMEOUT)));
    }
}
