package org.bulwark.audit;

import java.util.Optional;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a refused attempt (such as probing another region's identity numbers) so that it stays in the audit log
 * although the refused request's own transaction rolls back: the entry is written in a transaction of its own once
 * that transaction has ended (not inside it, where it would wait for the audit chain's lock the request may hold).
 */
@Service
public class RefusalAudit {

    private final AuditLog log;
    private final CurrentUser currentUser;
    private final TransactionTemplate separate;

    RefusalAudit(AuditLog log, CurrentUser currentUser, PlatformTransactionManager transactions) {
        this.log = log;
        this.currentUser = currentUser;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the refusal, by the signed-in user, whatever becomes of the current transaction. */
    public void record(AuditRecord record) {
        Optional<BulwarkUser> user = currentUser.find();
        String username = user.map(BulwarkUser::getUsername).orElse("system");
        Runnable write = () -> separate.executeWithoutResult(
                status -> log.recordFor(username, user.map(BulwarkUser::role).orElse(null), record));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                write.run();
            }
        });
    }
}
