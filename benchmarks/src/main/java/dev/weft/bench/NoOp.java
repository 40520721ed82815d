package dev.weft.bench;

/** The call every load runs: it returns its argument, so what is measured is the machinery. */
final class NoOp {

    /** The one argument, shared, so no load allocates on the caller's behalf. */
    static final Integer ARG = 42;

    private NoOp() {
    }

    static Integer apply(Integer x) {
        return x;
    }
}
