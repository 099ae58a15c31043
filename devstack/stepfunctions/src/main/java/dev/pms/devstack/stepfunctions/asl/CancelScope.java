package dev.pms.devstack.stepfunctions.asl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cancellation of a running branch and everything under it (stop, timeout, a failed sibling branch). */
final class CancelScope {

    /** Completes the futures of work whose scope was cancelled; carries no stack. */
    static final class Cancelled extends RuntimeException {
        static final Cancelled INSTANCE = new Cancelled();

        private Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final Set<Runnable> hooks = new LinkedHashSet<>();
    private final List<CancelScope> children = new ArrayList<>();
    private boolean cancelled;

    synchronized boolean isCancelled() {
        return cancelled;
    }

    CancelScope child() {
        CancelScope child = new CancelScope();
        boolean cancelNow;
        synchronized (this) {
            cancelNow = cancelled;
            if (!cancelled) {
                children.add(child);
            }
        }
        if (cancelNow) {
            child.cancel();
        }
        return child;
    }

    void release(CancelScope child) {
        synchronized (this) {
            children.remove(child);
        }
    }

    /** Runs {@code hook} on cancel (at once if already cancelled). */
    void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    synchronized void removeHook(Runnable hook) {
        hooks.remove(hook);
    }

    void cancel() {
        List<Runnable> toRun;
        List<CancelScope> toCancel;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            toCancel = new ArrayList<>(children);
            hooks.clear();
            children.clear();
        }
        toCancel.forEach(CancelScope::cancel);
        toRun.forEach(Runnable::run);
    }
}
