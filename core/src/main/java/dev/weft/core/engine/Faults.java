package dev.weft.core.engine;

/** Tells which throwables a plugin hook may be blamed for, and which must be let through. */
public final class Faults {

    private Faults() {
    }

    /**
     * Whether the JVM itself is failing (out of memory, internal error): such an error is not a
     * plugin's fault to contain and goes on up. A stack overflow is the hook's own doing.
     *
     * @param t what a hook threw
     * @return true if it must not be contained
     */
    public static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }
}
