package dev.weft;

import dev.weft.api.Invocation;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;

/**
 * A test plugin that keeps its task's context and, in {@code around}, does something with it on
 * the worker's thread before it proceeds: for the tests of what a plugin may do from a worker.
 */
final class AroundPlugin implements TaskPlugin {

    /** What the plugin does in {@code around}. */
    @FunctionalInterface
    interface Action {
        void run(TaskContext context) throws Exception;
    }

    private final String name;
    private final Action action;
    private TaskContext context;

    AroundPlugin(String name, Action action) {
        this.name = name;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
    }

    @Override
    public Object around(Invocation invocation) throws Exception {
        action.run(context);
        return invocation.proceed();
    }
}
