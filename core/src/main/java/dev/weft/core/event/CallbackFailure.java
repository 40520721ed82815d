package dev.weft.core.event;

/** Receives a callback's exception, so one failing handler does not stop the others. */
@FunctionalInterface
public interface CallbackFailure {

    /**
     * @param event the event whose handler threw
     * @param handler where the handler was subscribed
     * @param error what it threw
     */
    void handlerFailed(String event, String handler, Throwable error);
}
