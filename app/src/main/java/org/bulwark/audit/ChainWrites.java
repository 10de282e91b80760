package org.bulwark.audit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether the audit chain grew since the anchor last looked: set when a transaction that wrote an entry commits, so
 * the head is anchored seconds after a write rather than only once a minute — what a crash or a kill -9 can leave
 * unanchored is the last few seconds.
 */
@Component
class ChainWrites {

    private final AtomicBoolean grown = new AtomicBoolean();

    /** Called within the writing transaction: marks the chain grown once it commits. */
    void written() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    grown.set(true);
                }
            });
        } else {
            grown.set(true);
        }
    }

    /** True once after the chain grew. */
    boolean takeGrown() {
        return grown.getAndSet(false);
    }
}
