package dev.weft.testkit;

/**
 * Text given to {@link Json} is not JSON. The message says what was expected and shows the text
 * around the {@link #offset()}.
 *
 * @since 0.1
 */
public final class MalformedJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where the reader stopped, in {@code char}s from the start of the text. */
    private final int offset;

    /**
     * Creates the exception.
     *
     * @param offset where in the text the reader stopped, counted in {@code char}s from 0
     * @param problem what is wrong there, such as {@code expected ':'}; never {@code null}
     * @param text the whole text, to quote around the offset; never {@code null}
     */
    MalformedJsonException(int offset, String problem, String text) {
        super("not JSON at offset " + offset + ": " + problem + " (near '"
                + text.substring(Math.max(0, offset - 20), Math.min(text.length(), offset + 20)) + "')");
        this.offset = offset;
    }

    /**
     * Where the reader stopped.
     *
     * @return the offset in the text, counted in {@code char}s from 0; the text's length when it ended too early
     */
    public int offset() {
        return offset;
    }
}
