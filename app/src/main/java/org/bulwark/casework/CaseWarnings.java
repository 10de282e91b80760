package org.bulwark.casework;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.casework.Channel;
import org.bulwark.platform.NotFoundException;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningExplanation;
import org.bulwark.screening.WarningExplanations;
import org.bulwark.screening.Warnings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings behind a case, with their evidence in words, for the case page: the warning that opened it and those
 * that joined it while it was under way. A warning the reader may not see (outside their region) is left out; its
 * evidence is null where it is health data the reader may not read.
 */
@Service
@Transactional(readOnly = true)
public class CaseWarnings {

    /** A warning of the case and its evidence as the reader may see it. */
    public record CaseWarning(Warning warning, WarningExplanation evidence) {}

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final WarningExplanations explanations;

    CaseWarnings(JdbcClient jdbc, Warnings warnings, WarningExplanations explanations) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.explanations = explanations;
    }

    /** The case's warnings, the one that opened it first. */
    public List<CaseWarning> of(SupportCase c) {
        List<Long> ids = new ArrayList<>();
        if (c.channel() == Channel.DEPARTMENT_WARNING && c.sourceId() != null) {
            ids.add(c.sourceId());
        }
        ids.addAll(jdbc.sql("select warning_id from case_warning where case_id = :c order by attached_at, warning_id")
                .param("c", c.id())
                .query(Long.class)
                .list());
        List<CaseWarning> found = new ArrayList<>();
        for (long id : ids) {
            try {
                Warning warning = warnings.get(id);
                found.add(new CaseWarning(warning, explanations.explain(warning)));
            } catch (NotFoundException e) {
                // outside the reader's region: not theirs to read
            }
        }
        return found;
    }
}
