package org.bulwark.safetynet.web;

import java.math.BigDecimal;
import java.util.List;
import org.bulwark.platform.FieldProblem;
import org.bulwark.safetynet.Standards;

/** The standards form as the page binds it: text, parsed into numbers on submit. */
public class StandardForm {

    private String regionCode;
    private String year;
    private String allowance;
    private String support;
    private String source;

    Standards.StandardInput toInput(List<FieldProblem> problems) {
        return new Standards.StandardInput(
                regionCode == null ? null : regionCode.strip(),
                integer("year", year, problems),
                amount("allowance", allowance, problems),
                amount("support", support, problems),
                source);
    }

    private static Integer integer(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "invalid", "not a whole number"));
            return null;
        }
    }

    private static BigDecimal amount(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "invalid", "not an amount"));
            return null;
        }
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getAllowance() {
        return allowance;
    }

    public void setAllowance(String allowance) {
        this.allowance = allowance;
    }

    public String getSupport() {
        return support;
    }

    public void setSupport(String support) {
        this.support = support;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
