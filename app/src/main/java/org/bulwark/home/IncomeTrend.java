package org.bulwark.home;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.income.IncomeRecord;
import org.bulwark.screening.RuleBook;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

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
    private final ObjectMapper json;

    IncomeTrend(RuleBook rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
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

    /** The chart's data, oldest year first: {"years": [...], "perCapita": [...], "line": [...]}. */
    String chart(List<Year> years) {
        List<Year> ascending = years.stream()
                .sorted(Comparator.comparingInt(y -> y.income().year()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "years",
                ascending.stream().map(y -> String.valueOf(y.income().year())).toList());
        data.put(
                "perCapita", ascending.stream().map(y -> y.income().perCapita()).toList());
        data.put("line", ascending.stream().map(Year::line).toList());
        return json.writeValueAsString(data);
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
