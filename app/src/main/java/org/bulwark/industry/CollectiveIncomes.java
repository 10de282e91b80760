package org.bulwark.industry;

import java.util.List;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.industry.IndustryWords;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Village collective incomes of the user's region by year and source; recorded by registry editors, audited. */
@Service
@Transactional
public class CollectiveIncomes {

    private final CollectiveIncomeRepository repository;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;

    CollectiveIncomes(CollectiveIncomeRepository repository, CurrentUser currentUser, Regions regions, AuditLog audit) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CollectiveIncome> ofYear(int year) {
        return repository.ofYear(year, currentUser.scope().prefix());
    }

    /** Records a village's income of a year from a source, replacing what was recorded before. */
    public CollectiveIncome record(CollectiveIncomeInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        CollectiveIncome income = new IndustryChecks(regions, currentUser.scope()).collective(input);
        Optional<CollectiveIncome> before = repository.find(income.villageCode(), income.year(), income.source());
        repository.put(income, user.getUsername());
        // the village is the audit entry's region (shown by name); the id the page shows is year and source, in
        // Chinese and without a bare region code, as everything else on Chinese pages
        String id = income.year() + "/" + IndustryWords.word(income.source());
        audit.record(
                before.isPresent()
                        ? AuditRecord.updated("collective_income", id, income.villageCode(), before.get(), income)
                        : AuditRecord.created("collective_income", id, income.villageCode(), income));
        return income;
    }
}
