package dev.weft.example.hello;

import dev.weft.api.EventType;

/**
 * Payload of the {@code hello-said} event: the plugin greeted a call.
 *
 * @param text the greeting, such as {@code hello, world}
 */
public record HelloSaid(String text) {

    /** The event type, registered on every task that uses the plugin. */
    public static final EventType<HelloSaid> TYPE = EventType.of("hello-said", HelloSaid.class);
}
