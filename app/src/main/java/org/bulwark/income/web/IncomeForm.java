package org.bulwark.income.web;

import java.math.BigDecimal;
import java.util.List;
import org.bulwark.core.income.IncomeComponent;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.IncomeRecord;
import org.bulwark.industry.BenefitIncome;
import org.bulwark.platform.FieldProblem;

/** Income as the page form holds it: text, so that "abc" comes back with an error instead of vanishing. */
public class IncomeForm {

    private String year;
    private String wage = "0";
    private String operating = "0";
    private String property = "0";
    private String transfer = "0";
    private String productionCost = "0";
    private boolean creating;

    static IncomeForm of(IncomeRecord r) {
        IncomeForm f = new IncomeForm();
        f.year = String.valueOf(r.year());
        f.wage = r.wage().toPlainString();
        f.operating = r.operating().toPlainString();
        f.property = r.property().toPlainString();
        f.transfer = r.transfer().toPlainString();
        f.productionCost = r.productionCost().toPlainString();
        return f;
    }

    /** Fills the components the household's industry projects paid into (the user adds what else it earned). */
    void prefill(BenefitIncome benefit) {
        if (benefit.isEmpty()) {
            return;
        }
        wage = benefit.total(IncomeComponent.WAGE).toPlainString();
        operating = benefit.total(IncomeComponent.OPERATING).toPlainString();
        property = benefit.total(IncomeComponent.PROPERTY).toPlainString();
    }

    /** Converts, reporting each field that is not a number. */
    IncomeInput toInput(List<FieldProblem> problems) {
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("year", "number", "is not a whole number"));
            }
        }
        return new IncomeInput(
                y,
                amount("wage", wage, problems),
                amount("operating", operating, problems),
                amount("property", property, problems),
                amount("transfer", transfer, problems),
                amount("productionCost", productionCost, problems));
    }

    private static BigDecimal amount(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "number", "is not a number"));
            return BigDecimal.ZERO;
        }
    }

    public boolean isCreating() {
        return creating;
    }

    public void setCreating(boolean creating) {
        this.creating = creating;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getWage() {
        return wage;
    }

    public void setWage(String wage) {
        this.wage = wage;
    }

    public String getOperating() {
        return operating;
    }

    public void setOperating(String operating) {
        this.operating = operating;
    }

    public String getProperty() {
        return property;
    }

    public void setProperty(String property) {
        this.property = property;
    }

    public String getTransfer() {
        return transfer;
    }

    public void setTransfer(String transfer) {
        this.transfer = transfer;
    }

    public String getProductionCost() {
        return productionCost;
    }

    public void setProductionCost(String productionCost) {
        this.productionCost = productionCost;
    }
}
