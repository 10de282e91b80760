package org.bulwark.income;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.income.IncomeAccount;
import org.bulwark.core.income.IncomeValidation;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdRemoved;
import org.bulwark.registry.Registry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income records per household and year. Access goes through {@link Registry#file}, so the household's region
 * scope applies here too; net income and per capita come from the core's {@link IncomeAccount}.
 */
@Service
@Transactional
public class Incomes {

    private static final RowMapper<IncomeRecord> INCOME = (rs, n) -> new IncomeRecord(
            rs.getLong("id"),
            rs.getLong("household_id"),
            rs.getInt("year"),
            rs.getBigDecimal("wage"),
            rs.getBigDecimal("operating"),
            rs.getBigDecimal("property"),
            rs.getBigDecimal("transfer"),
            rs.getBigDecimal("production_cost"),
            rs.getBigDecimal("net_income"),
            rs.getInt("members"),
            rs.getBigDecimal("per_capita"));

    private final JdbcClient jdbc;
    private final Registry registry;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    Incomes(JdbcClient jdbc, Registry registry, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's income records, latest year first. */
    @Transactional(readOnly = true)
    public List<IncomeRecord> of(long householdId) {
        registry.file(householdId);
        return jdbc.sql("select * from household_income where household_id = :h order by year desc")
                .param("h", householdId)
                .query(INCOME)
                .list();
    }

    /** The household's record for one year. */
    @Transactional(readOnly = true)
    public Optional<IncomeRecord> of(long householdId, int year) {
        registry.file(householdId);
        return find(householdId, year);
    }

    /** Records (or replaces) the household's income for the input's year. */
    public IncomeRecord record(long householdId, IncomeInput input) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        HouseholdFile file = registry.file(householdId);
        int currentYear = LocalDate.now(clock).getYear();
        List<org.bulwark.core.income.FieldProblem> found = IncomeValidation.check(
                input.wage(),
                input.operating(),
                input.property(),
                input.transfer(),
                input.productionCost(),
                input.year() == null ? 0 : input.year(),
                currentYear);
        List<FieldProblem> problems = new ArrayList<>(found.stream()
                .map(p -> new FieldProblem(p.field(), p.code(), p.message()))
                .toList());
        if (input.year() == null && problems.stream().noneMatch(p -> p.field().equals("year"))) {
            problems.add(new FieldProblem("year", "required", "is required"));
        }
        if (file.members().isEmpty()) {
            problems.add(new FieldProblem("members", "required", "the household has no members to divide income by"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IncomeAccount account = new IncomeAccount(
                input.wage(), input.operating(), input.property(), input.transfer(), input.productionCost());
        int members = file.members().size();
        Optional<IncomeRecord> before = find(householdId, input.year());
        jdbc.sql("""
                insert into household_income (household_id, year, wage, operating, property, transfer,
                    production_cost, net_income, members, per_capita)
                values (:h, :y, :w, :o, :p, :t, :c, :net, :m, :pc)
                on conflict (household_id, year) do update set wage = excluded.wage, operating = excluded.operating,
                    property = excluded.property, transfer = excluded.transfer,
                    production_cost = excluded.production_cost, net_income = excluded.net_income,
                    members = excluded.members, per_capita = excluded.per_capita, updated_at = now()
                """)
                .param("h", householdId)
                .param("y", input.year())
                .param("w", input.wage())
                .param("o", input.operating())
                .param("p", input.property())
                .param("t", input.transfer())
                .param("c", input.productionCost())
                .param("net", account.netIncome())
                .param("m", members)
                .param("pc", account.perCapita(members))
                .update();
        IncomeRecord after = find(householdId, input.year()).orElseThrow();
        String village = file.household().villageCode();
        audit.record(
                before.isPresent()
                        ? AuditRecord.updated("income", after.id(), village, before.get(), after)
                        : AuditRecord.created("income", after.id(), village, after));
        return after;
    }

    /** Deletes the household's record for a year. */
    public void delete(long householdId, int year) {
        currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        HouseholdFile file = registry.file(householdId);
        IncomeRecord before = find(householdId, year).orElseThrow(() -> new NotFoundException("income", year));
        jdbc.sql("delete from household_income where id = :id")
                .param("id", before.id())
                .update();
        audit.record(AuditRecord.deleted("income", before.id(), file.household().villageCode(), before));
    }

    @EventListener
    void on(HouseholdRemoved event) {
        for (IncomeRecord income : jdbc.sql("select * from household_income where household_id = :h")
                .param("h", event.householdId())
                .query(INCOME)
                .list()) {
            jdbc.sql("delete from household_income where id = :id")
                    .param("id", income.id())
                    .update();
            audit.record(AuditRecord.deleted("income", income.id(), event.villageCode(), income));
        }
    }

    private Optional<IncomeRecord> find(long householdId, int year) {
        return jdbc.sql("select * from household_income where household_id = :h and year = :y")
                .param("h", householdId)
                .param("y", year)
                .query(INCOME)
                .optional();
    }
}
