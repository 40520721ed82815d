package dev.weft.core.event;

import java.util.Set;

/**
 * Names a handler by where it was subscribed, since lambdas have no names: the first stack
 * frame outside weft's own classes, as {@code Example.main(Example.java:14)}.
 */
public final class Locations {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Set<String> FACADE = Set.of("dev.weft.Scheduler", "dev.weft.Task");

    private Locations() {
    }

    /** @return where the code that called into weft is */
    public static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isWeft(f.getClassName()))
                .findFirst()
                .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName() + "("
                        + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
    }

    private static boolean isWeft(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return FACADE.contains(outer) || className.startsWith("dev.weft.core.") || className.startsWith("dev.weft.api.");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
