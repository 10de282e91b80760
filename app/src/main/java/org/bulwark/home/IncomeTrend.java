package org.bulwark.home;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.income.IncomeRecord;
import org.bulwark.screening.RuleBook;
import org.springframework.stereotype.Component;

/**
 * A household's per-capita net income year by year against the monitoring line of its province in that year, as the
 * rules in force hold it (parameter {@code line}, resolved per province and year like screening resolves it): the
 * rows of the income table and the data of its chart.
 */
@Component
class IncomeTrend {

    /** The rules' name of the monitoring line (screening/rules.yaml). */
    static final String LINE = "line";

    private final RuleBook rules;

    IncomeTrend(RuleBook rules) {
        this.rules = rules;
    }

    /** One year's income with the line of that year; {@code line} is null when the rules hold none. */
    public record Year(IncomeRecord income, BigDecimal line) {

        /** The per-capita income lies below the line: what INC-01 warns about. */
        public boolean below() {
            return line != null && income.perCapita().compareTo(line) < 0;
        }
    }

    /** The incomes (in the order given) each with the line of its year. */
    List<Year> years(String villageCode, List<IncomeRecord> incomes) {
        List<Year> years = new ArrayList<>(incomes.size());
        for (IncomeRecord income : incomes) {
            years.add(new Year(income, line(villageCode.substring(0, 2), income.year())));
        }
        return years;
    }

    /** The chart of the years, laid out for the page to draw as SVG. */
    IncomeChart chart(List<Year> years) {
        return IncomeChart.of(years);
    }

    private BigDecimal line(String provinceCode, int year) {
        try {
            return BigDecimal.valueOf(
                    rules.active().parameters(provinceCode, year).value(LINE));
        } catch (IllegalArgumentException e) {
            // a province's own rule file without a line: the table and chart show the incomes alone
            return null;
        }
    }
}
