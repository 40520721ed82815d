package dev.weft.plugin.limiter;

import dev.weft.api.TaskView;

/** A task whose queue and running counts a test sets by hand. */
final class FakeTask implements TaskView {

    private final String name;
    int queued;
    int running;

    FakeTask(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String ref() {
        return "Task-" + name + "-test";
    }

    @Override
    public int queued() {
        return queued;
    }

    @Override
    public int runningCount() {
        return running;
    }
}
