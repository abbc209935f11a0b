package org.meetingportal.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs something once the current transaction has committed, so that whoever it reaches finds the change
 * made; at once when no transaction is running, never after a rollback. What one transaction asks for runs in
 * the order asked: a signal that someone was removed comes before the roster without them.
 */
public final class AfterCommit {

    /** The key of a transaction's list of actions in the registry. */
    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());
    private static final Object ACTIONS = AfterCommit.class.getName() + ".actions";

    private AfterCommit() {
    }

    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        @SuppressWarnings("unchecked")
        List<Runnable> actions = (List<Runnable>) transactions.getResource(ACTIONS);
        if (actions == null) {
            List<Runnable> first = new ArrayList<>();
            transactions.putResource(ACTIONS, first);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        first.forEach(AfterCommit::quietly);
                    }
                }
            });
            actions = first;
        }
        actions.add(action);
    }

    /** The transaction has committed whatever happens here: one failing action must not keep the others back. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an action after a commit failed", e);
        }
    }
}
