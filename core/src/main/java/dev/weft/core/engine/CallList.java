package dev.weft.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls in flight, in submission order, linked through fields of the calls themselves. Adding
 * and removing cost O(1) and allocate nothing: this runs twice per call for the run's list and
 * twice for the task's, where a sorted map paid a node, a boxed key and a search, and a linked
 * hash set an entry and a hash.
 *
 * <p>The loop adds and removes; any thread may read. The lock is uncontended but for the rare
 * reader; the size is also kept in a volatile so that {@link #isEmpty} needs no lock.
 */
final class CallList {

    /** Which pair of links in {@link Call} a list uses: a call is in its run's list and its task's. */
    enum Links { RUN, TASK }

    private final Links links;
    private Call first;
    private Call last;
    private volatile int size;

    CallList(Links links) {
        this.links = links;
    }

    synchronized void add(Call call) {
        setPrev(call, last);
        setNext(call, null);
        if (last == null) {
            first = call;
        } else {
            setNext(last, call);
        }
        last = call;
        size = size + 1;
    }

    /** Removes a call; a call that is not in the list is left alone. */
    synchronized void remove(Call call) {
        Call prev = prev(call);
        Call next = next(call);
        if (prev == null && first != call) {
            return;
        }
        if (prev == null) {
            first = next;
        } else {
            setNext(prev, next);
        }
        if (next == null) {
            last = prev;
        } else {
            setPrev(next, prev);
        }
        setPrev(call, null);
        setNext(call, null);
        size = size - 1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the calls now in the list, oldest first: a copy, safe to act on while the list changes */
    synchronized List<Call> snapshot() {
        List<Call> calls = new ArrayList<>(size);
        for (Call c = first; c != null; c = next(c)) {
            calls.add(c);
        }
        return calls;
    }

    private Call prev(Call call) {
        return links == Links.RUN ? call.prevInRun : call.prevInTask;
    }

    private Call next(Call call) {
        return links == Links.RUN ? call.nextInRun : call.nextInTask;
    }

    private void setPrev(Call call, Call prev) {
        if (links == Links.RUN) {
            call.prevInRun = prev;
        } else {
            call.prevInTask = prev;
        }
    }

    private void setNext(Call call, Call next) {
        if (links == Links.RUN) {
            call.nextInRun = next;
        } else {
            call.nextInTask = next;
        }
    }
}
