package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.springframework.stereotype.Component;

/**
 * What a hire changes beyond the referral: the labourer is in work with the posting's employer, wage and place
 * (recorded through {@link Labourers}, so it is checked, audited and kept in the labourer's history like any other
 * change), and the posting has one opening less, closed at the last.
 */
@Component
class ReferralHire {

    private final Labourers labourers;
    private final ReferralRepository repository;
    private final ReferralWords words;
    private final AuditLog audit;
    private final Clock clock;

    ReferralHire(Labourers labourers, ReferralRepository repository, ReferralWords words, AuditLog audit, Clock clock) {
        this.labourers = labourers;
        this.repository = repository;
        this.words = words;
        this.audit = audit;
        this.clock = clock;
    }

    void record(Referral referral, BulwarkUser user) {
        Posting before = repository.posting(referral.postingId()).orElseThrow();
        labourers.hire(referral.personId(), hired(referral, before, user), before.employerId());
        if (!repository.takeOpening(before.id(), user.getUsername())) {
            throw new ConflictException(words.noOpeningLeft(before.title()));
        }
        Posting after = repository.posting(before.id()).orElseThrow();
        audit.record(AuditRecord.updated("posting", after.id(), after.regionCode(), before, after));
    }

    private LabourerInput hired(Referral referral, Posting posting, BulwarkUser user) {
        Labourer l = labourers.labourer(referral.personId()).labourer();
        Reach reach = Reach.between(RegionCode.parse(l.villageCode()), RegionCode.parse(posting.regionCode()));
        return new LabourerInput(
                true,
                placeOf(reach).name(),
                modeOf(repository.employerKind(posting.employerId())).name(),
                posting.employerId(),
                LocalDate.now(clock),
                l.monthsWorked(),
                posting.monthlyWage(),
                l.skills().stream().map(Enum::name).toList(),
                l.training(),
                LabourerRow.name(l.wishReach()),
                l.wishKinds().stream().map(Enum::name).toList(),
                l.wishMinWage(),
                user.role() == Role.EMPLOYMENT_OFFICER ? LabourSource.OFFICER.name() : LabourSource.VISIT.name(),
                l.version());
    }

    static EmploymentPlace placeOf(Reach reach) {
        return switch (reach) {
            case VILLAGE, TOWNSHIP, COUNTY -> EmploymentPlace.IN_COUNTY;
            case PREFECTURE, PROVINCE -> EmploymentPlace.IN_PROVINCE;
            case ANYWHERE -> EmploymentPlace.OUT_OF_PROVINCE;
        };
    }

    static WorkMode modeOf(EmployerKind kind) {
        return switch (kind) {
            case ENTERPRISE -> WorkMode.EMPLOYER;
            case WORKSHOP -> WorkMode.WORKSHOP;
            case COOPERATIVE -> WorkMode.COOPERATIVE;
            case GIG_PLATFORM -> WorkMode.GIG;
            case PUBLIC_WELFARE_SCHEME -> WorkMode.PUBLIC_WELFARE;
        };
    }
}
