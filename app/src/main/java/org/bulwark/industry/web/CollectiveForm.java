package org.bulwark.industry.web;

import java.util.List;
import org.bulwark.industry.CollectiveIncomeInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A village collective's income of a year from one source, as the page form holds it. */
public class CollectiveForm {

    private String villageCode;
    private String year;
    private String source;
    private String amount;

    /** The input, with a problem for each number that is not one. */
    CollectiveIncomeInput toInput(List<FieldProblem> problems) {
        return new CollectiveIncomeInput(
                villageCode,
                FormText.whole("year", year, problems),
                source,
                FormText.amount("amount", amount, problems));
    }

    public String getVillageCode() {
        return villageCode;
    }

    public void setVillageCode(String villageCode) {
        this.villageCode = villageCode;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
