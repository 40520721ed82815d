package dev.weft.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls in flight, in submission order, linked through fields of the calls themselves. Adding
 * and removing cost O(1) and allocate nothing: this runs twice per call for the run's list and
 * twice for the task's, where a sorted map paid a node, a boxed key and a search, and a linked
 * hash set an entry and a hash.
 *
 * <p>One thread at a time changes a list: the loop of the run in progress. Any thread may read
 * it. Changes take no lock, as a lock taken and released four times per call was a tenth of the
 * loop's work; instead the writer makes the version odd while it changes the links, and a
 * reader copies the list and keeps the copy only if the version was even and unchanged
 * throughout (a sequence lock). A reader that keeps losing to the writer raises a flag and takes
 * the list's monitor; the writer, seeing the flag, changes the list under the monitor too, so the
 * reader's next try succeeds.
 */
final class CallList {

    /** Which pair of links in {@link Call} a list uses: a call is in its run's list and its task's. */
    enum Links { RUN, TASK }

    private static final VarHandle VERSION;
    private static final VarHandle SIZE;
    /** Optimistic reads before a reader asks the writer to take the monitor. */
    private static final int OPTIMISTIC_TRIES = 8;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VERSION = lookup.findVarHandle(CallList.class, "version", int.class);
            SIZE = lookup.findVarHandle(CallList.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Links links;
    // Written by the writer only; readers read them racily and check the version after.
    private Call first;
    private Call last;
    private volatile int size;
    /** Odd while the writer changes the links. */
    private volatile int version;
    /** Set by a reader holding the monitor: changes take the monitor until it is cleared. */
    private volatile boolean readerWaiting;

    CallList(Links links) {
        this.links = links;
    }

    /** Adds a call at the end; the run's loop only. */
    void add(Call call) {
        if (readerWaiting) {
            synchronized (this) {
                link(call);
            }
        } else {
            link(call);
        }
    }

    /** Removes a call; a call that is not in the list is left alone. The run's loop only. */
    void remove(Call call) {
        if (readerWaiting) {
            synchronized (this) {
                unlink(call);
            }
        } else {
            unlink(call);
        }
    }

    private void link(Call call) {
        int v = beginChange();
        setPrev(call, last);
        setNext(call, null);
        if (last == null) {
            first = call;
        } else {
            setNext(last, call);
        }
        last = call;
        SIZE.setRelease(this, size + 1);
        endChange(v);
    }

    private void unlink(Call call) {
        Call prev = prev(call);
        Call next = next(call);
        if (prev == null && first != call) {
            return;
        }
        int v = beginChange();
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
        SIZE.setRelease(this, size - 1);
        endChange(v);
    }

    /** Makes the version odd before any link changes: a reader that saw it even will see it changed. */
    private int beginChange() {
        int v = version;
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence();
        return v + 1;
    }

    /** Makes the version even again once every link change is visible. */
    private void endChange(int odd) {
        VERSION.setRelease(this, odd + 1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the calls now in the list, oldest first: a copy, safe to act on while the list changes */
    List<Call> snapshot() {
        for (int tries = 0; tries < OPTIMISTIC_TRIES; tries++) {
            List<Call> calls = tryCopy();
            if (calls != null) {
                return calls;
            }
            Thread.onSpinWait();
        }
        synchronized (this) {
            readerWaiting = true;
            try {
                while (true) {
                    // At most one change that began before the writer saw the flag is still going.
                    List<Call> calls = tryCopy();
                    if (calls != null) {
                        return calls;
                    }
                    Thread.onSpinWait();
                }
            } finally {
                readerWaiting = false;
            }
        }
    }

    /** @return a copy of the list, or {@code null} if the writer changed it meanwhile */
    private List<Call> tryCopy() {
        int before = (int) VERSION.getAcquire(this);
        if ((before & 1) != 0) {
            return null;
        }
        int expected = size;
        List<Call> calls = new ArrayList<>(expected);
        // Links only ever point to calls added later, so even stale links end; the bound only
        // stops a long walk through calls removed meanwhile, which the version check rejects anyway.
        int bound = 2 * expected + 16;
        for (Call c = first; c != null; c = next(c)) {
            if (calls.size() == bound) {
                return null;
            }
            calls.add(c);
        }
        VarHandle.acquireFence();
        return (int) VERSION.getOpaque(this) == before ? calls : null;
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
