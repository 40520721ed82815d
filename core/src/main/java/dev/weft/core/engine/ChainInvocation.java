package dev.weft.core.engine;

import dev.weft.api.CallScope;
import dev.weft.api.Invocation;
import dev.weft.api.PluginException;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;

/**
 * Runs one attempt through the plugins' {@code around} hooks, outer to inner, then the function,
 * enforcing that each plugin calls {@code proceed()} exactly once.
 */
final class ChainInvocation {

    private final Attempt attempt;
    private PluginException fault;
    private int faultIndex;

    ChainInvocation(Attempt attempt) {
        this.attempt = attempt;
    }

    Object invoke(int index) throws Exception {
        Call call = attempt.call;
        if (index == call.chainLength()) {
            return call.function().apply(call.argument());
        }
        TaskPlugin plugin = call.plugin(index);
        Step step = new Step(index);
        Object result;
        try {
            result = plugin.around(step);
        } catch (Throwable thrown) {
            if (step.proceedThrew == thrown || step.violation == thrown) {
                throw thrown;
            }
            throw fault(index, plugin, "threw " + thrown, thrown);
        }
        if (step.violation != null) {
            throw step.violation;
        }
        if (step.proceeded == 0) {
            throw fault(index, plugin, "returned without calling proceed()", null);
        }
        return result;
    }

    /** @return the chain index the error came from: a plugin's for its faults, else the function's */
    int originOf(Throwable error) {
        return error == fault ? faultIndex : attempt.call.chainLength();
    }

    private PluginException fault(int index, TaskPlugin plugin, String message, Throwable cause) {
        PluginException e = new PluginException(attempt.call.pluginName(index), "around", message, cause);
        // The innermost fault is the one that counts; outer plugins only passed it on.
        if (fault == null) {
            fault = e;
            faultIndex = index;
        }
        attempt.call.reportPluginError(attempt.call.pluginName(index), "around", e);
        return e;
    }

    /** The invocation one plugin sees. */
    private final class Step implements Invocation {
        private final int index;
        int proceeded;
        Throwable proceedThrew;
        PluginException violation;

        Step(int index) {
            this.index = index;
        }

        @Override
        public TaskFuture<?> call() {
            return attempt.call;
        }

        @Override
        public int attempt() {
            return attempt.number;
        }

        @Override
        public Object proceed() throws Exception {
            if (++proceeded > 1) {
                violation = fault(index, attempt.call.plugin(index), "called proceed() more than once", null);
                throw violation;
            }
            try {
                return invoke(index + 1);
            } catch (Throwable t) {
                proceedThrew = t;
                throw t;
            }
        }

        @Override
        public CallScope scope() {
            return attempt.call.scope(index);
        }
    }
}
