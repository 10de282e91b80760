package org.bulwark.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;

/** Checks a labourer change, naming each wrong field; a labourer in work says where and how, one out of work not. */
final class LabourerChecks {

    private LabourerChecks() {}

    static CheckedLabourer check(LabourerInput in, LocalDate today, LongPredicate employerExists) {
        List<FieldProblem> p = new ArrayList<>();
        boolean inWork = Boolean.TRUE.equals(in.inWork());
        EmploymentPlace place = Choices.one(EmploymentPlace.class, "place", in.place(), inWork, p);
        WorkMode mode = Choices.one(WorkMode.class, "workMode", in.workMode(), inWork, p);
        if (!inWork && (place != null || mode != null || in.employerId() != null)) {
            p.add(new FieldProblem("inWork", "not_in_work", "a labourer out of work has no place, mode or employer"));
        }
        if (in.employerId() != null && !employerExists.test(in.employerId())) {
            p.add(new FieldProblem("employerId", "employer_unknown", "no such employer"));
        }
        if (in.sinceDate() != null && in.sinceDate().isAfter(today)) {
            p.add(new FieldProblem("sinceDate", "future", "is after today"));
        }
        if (in.monthsWorked() != null && (in.monthsWorked() < 0 || in.monthsWorked() > 12)) {
            p.add(new FieldProblem("monthsWorked", "range", "must be between 0 and 12"));
        }
        LabourSource source = source(in.source(), p);
        CheckedLabourer checked = new CheckedLabourer(
                inWork,
                place,
                mode,
                in.employerId(),
                in.sinceDate(),
                in.monthsWorked(),
                in.monthsWorked() == null ? null : today.getYear(),
                Choices.wage("monthlyWage", in.monthlyWage(), false, p),
                Choices.many(Skill.class, "skills", in.skills(), p),
                Choices.text("training", in.training(), 500, false, p),
                Choices.one(Reach.class, "wishReach", in.wishReach(), false, p),
                Choices.many(WorkKind.class, "wishKinds", in.wishKinds(), p),
                Choices.wage("wishMinWage", in.wishMinWage(), false, p),
                source,
                Choices.version(in.version()));
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return checked;
    }

    // people record a visit or an office entry; the registry and department records change labourers themselves
    private static LabourSource source(String text, List<FieldProblem> p) {
        if (Choices.blank(text)) {
            p.add(new FieldProblem("source", "required", "is required"));
            return null;
        }
        try {
            LabourSource s = LabourSource.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
            if (s == LabourSource.VISIT || s == LabourSource.OFFICER) {
                return s;
            }
        } catch (IllegalArgumentException notASource) {
            // named below
        }
        p.add(new FieldProblem("source", "choice", "must be VISIT or OFFICER"));
        return null;
    }
}
