package org.bulwark.income.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.IncomeRecord;
import org.bulwark.income.Incomes;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** REST API for household income per year; net income and per capita are computed, never sent. */
@ApiController("/api/v1/households/{householdId}/incomes")
@Tag(name = "Incomes")
class IncomeApi {

    private final Incomes incomes;

    IncomeApi(Incomes incomes) {
        this.incomes = incomes;
    }

    /** The amounts of one year's income, in yuan. */
    record IncomeAmounts(
            BigDecimal wage,
            BigDecimal operating,
            BigDecimal property,
            BigDecimal transfer,
            BigDecimal productionCost) {}

    @Operation(summary = "A household's income records, latest year first")
    @GetMapping
    List<IncomeRecord> list(@PathVariable long householdId) {
        return incomes.of(householdId);
    }

    @Operation(summary = "A household's income in one year")
    @GetMapping("/{year}")
    IncomeRecord year(@PathVariable long householdId, @PathVariable int year) {
        return incomes.of(householdId, year).orElseThrow(() -> new NotFoundException("income", year));
    }

    @Operation(summary = "Record or replace a household's income for a year")
    @PutMapping("/{year}")
    IncomeRecord put(@PathVariable long householdId, @PathVariable int year, @RequestBody IncomeAmounts body) {
        return incomes.record(
                householdId,
                new IncomeInput(
                        year, body.wage(), body.operating(), body.property(), body.transfer(), body.productionCost()));
    }

    @Operation(summary = "Delete a household's income record for a year")
    @DeleteMapping("/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long householdId, @PathVariable int year) {
        incomes.delete(householdId, year);
    }
}
