package dev.weft.plugin.trace;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Records waiting to be written, in the order they were added. Any thread adds; one writer at a
 * time (the holder of the file's lock) takes them.
 *
 * <p>Every call adds four records, from the loop and from the workers at once. A concurrent
 * linked queue paid two compare-and-sets per record, one to add and one to take, on lines that
 * the loop and the workers all write. Here adding is one compare-and-set onto a stack, and the
 * writer takes the whole stack with one swap and reverses it, so records are still written in
 * the order they were added: the order {@link CallWait} relies on.
 */
final class RecordQueue {

    private static final class Node {
        final TraceRecord record;
        Node next;

        Node(TraceRecord record) {
            this.record = record;
        }
    }

    /** Added and not yet taken, newest first. */
    private final AtomicReference<Node> added = new AtomicReference<>();
    /** Taken by the writer and not yet written, oldest first; the writer's alone. */
    private Node taken;

    /** Adds a record; any thread. */
    void add(TraceRecord record) {
        Node node = new Node(record);
        Node head;
        do {
            head = added.get();
            node.next = head;
        } while (!added.compareAndSet(head, node));
    }

    /** @return the oldest record not yet written, or {@code null}; the writer only */
    TraceRecord peek() {
        if (taken == null) {
            takeAdded();
        }
        return taken == null ? null : taken.record;
    }

    /** Drops the record {@link #peek} returned, once it is written; the writer only. */
    void remove() {
        Node node = taken;
        taken = node.next;
        node.next = null;
    }

    /** @return whether nothing waits */
    boolean isEmpty() {
        return taken == null && added.get() == null;
    }

    /** @return how many records wait; the writer only, or while nothing writes */
    int size() {
        int size = 0;
        for (Node n = taken; n != null; n = n.next) {
            size++;
        }
        for (Node n = added.get(); n != null; n = n.next) {
            size++;
        }
        return size;
    }

    /** Drops every record; the writer only. */
    void clear() {
        taken = null;
        added.set(null);
    }

    private void takeAdded() {
        Node node = added.getAndSet(null);
        Node reversed = null;
        while (node != null) {
            Node next = node.next;
            node.next = reversed;
            reversed = node;
            node = next;
        }
        taken = reversed;
    }
}
