package org.bulwark.industry.web;

import java.util.List;
import org.bulwark.industry.BenefitLinkInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A benefit link as the project page's form holds it: the household by its number (户编号). */
public class LinkForm {

    private String householdNumber;
    private String kind;
    private String year;
    private String amount;

    /** The input for the project, with a problem for each number that is not one. */
    BenefitLinkInput toInput(long projectId, List<FieldProblem> problems) {
        return new BenefitLinkInput(
                projectId,
                null,
                householdNumber,
                kind,
                FormText.whole("year", year, problems),
                FormText.amount("amount", amount, problems));
    }

    public String getHouseholdNumber() {
        return householdNumber;
    }

    public void setHouseholdNumber(String householdNumber) {
        this.householdNumber = householdNumber;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
