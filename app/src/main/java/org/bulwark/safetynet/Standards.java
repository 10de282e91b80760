package org.bulwark.safetynet;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.safetynet.SafetyNetStandard;
import org.bulwark.core.safetynet.SafetyNetStandards;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allowance and support standards per region and year: the configuration's figures, with a province administrator's
 * edits winning over them. Standards are public facts, so every signed-in user reads all of them; only a province
 * administrator edits, and only within the province.
 */
@Service
@Transactional
public class Standards {

    static final String FILE = "/safetynet/standards.yaml";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SafetyNetStandards configured;

    Standards(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.configured = load();
    }

    private static SafetyNetStandards load() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(Standards.class.getResourceAsStream(FILE), FILE), StandardCharsets.UTF_8)) {
            return SafetyNetStandards.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every standard, the configuration's and the edited ones, by region and year. */
    @Transactional(readOnly = true)
    public List<SafetyNetStandard> all() {
        return current().all();
    }

    /** The standard of a region (any level) and year: the most specific region's. */
    @Transactional(readOnly = true)
    public Optional<SafetyNetStandard> find(String regionCode, int year) {
        return current().find(regionCode, year);
    }

    /** Whether the signed-in user may edit standards: a province administrator. */
    public boolean canEdit() {
        return currentUser.find().map(u -> u.role() == Role.PROVINCE_ADMIN).orElse(false);
    }

    /** Sets the standards of a province, prefecture or county of the administrator's province for a year. */
    public SafetyNetStandard edit(StandardInput input) {
        BulwarkUser user = currentUser.require();
        if (user.role() != Role.PROVINCE_ADMIN) {
            throw new AccessDeniedException("not a province administrator");
        }
        SafetyNetStandard edited = validated(input, user.displayName());
        if (!currentUser.scope().covers(edited.regionCode())) {
            throw new NotFoundException("region", edited.regionCode());
        }
        Optional<SafetyNetStandard> before =
                current().all().stream().filter(edited::sameSlot).findFirst();
        jdbc.sql("""
                insert into safety_net_standard (region_code, year, allowance, support, source, edited_by)
                values (:r, :y, :a, :s, :src, :by)
                on conflict (region_code, year) do update set allowance = excluded.allowance,
                    support = excluded.support, source = excluded.source, edited_by = excluded.edited_by,
                    edited_at = now()
                """)
                .param("r", edited.regionCode())
                .param("y", edited.year())
                .param("a", edited.allowance())
                .param("s", edited.support())
                .param("src", edited.source())
                .param("by", user.getUsername())
                .update();
        String id = edited.regionCode() + "/" + edited.year();
        audit.record(
                before.isPresent()
                        ? AuditRecord.updated("safety_net_standard", id, edited.regionCode(), before.get(), edited)
                        : AuditRecord.created("safety_net_standard", id, edited.regionCode(), edited));
        return edited;
    }

    private static SafetyNetStandard validated(StandardInput input, String editor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.regionCode() == null || !input.regionCode().matches("\\d{2}|\\d{4}|\\d{6}")) {
            problems.add(new FieldProblem("regionCode", "invalid", "a province, prefecture or county code"));
        }
        if (input.year() == null || input.year() < 2000 || input.year() > 2100) {
            problems.add(new FieldProblem("year", "invalid", "a year from 2000 to 2100"));
        }
        if (input.allowance() == null || input.allowance().signum() < 0) {
            problems.add(new FieldProblem("allowance", "invalid", "an amount of 0 or more"));
        }
        if (input.support() != null && input.support().signum() < 0) {
            problems.add(new FieldProblem("support", "invalid", "an amount of 0 or more"));
        }
        if (input.source() == null || input.source().isBlank()) {
            problems.add(new FieldProblem("source", "required", "say where the figure comes from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SafetyNetStandard(
                input.regionCode(),
                input.year(),
                input.allowance(),
                input.support(),
                input.source().strip(),
                false);
    }

    private SafetyNetStandards current() {
        List<SafetyNetStandard> edits = jdbc.sql("select * from safety_net_standard")
                .query((rs, n) -> new SafetyNetStandard(
                        rs.getString("region_code"),
                        rs.getInt("year"),
                        rs.getBigDecimal("allowance"),
                        rs.getBigDecimal("support"),
                        rs.getString("source"),
                        false))
                .list();
        return configured.with(edits);
    }

    /** An edit of one region's standards for a year, in yuan per person per year. */
    public record StandardInput(
            String regionCode, Integer year, BigDecimal allowance, BigDecimal support, String source) {}
}
