package org.bulwark.core.exchange;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.InvalidIdentityNumberException;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.text.TextRules;

/** Parses one non-blank cell as its field says, returning the typed value or adding a problem and returning null. */
final class CellParser {

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    // the time of day that database exports append to dates is accepted and dropped
    private static final Pattern SEPARATED_DATE =
            Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})( \\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final int EARLIEST_YEAR = 1900;
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true),
            Map.entry("yes", true),
            Map.entry("y", true),
            Map.entry("1", true),
            Map.entry("是", true),
            Map.entry("false", false),
            Map.entry("no", false),
            Map.entry("n", false),
            Map.entry("0", false),
            Map.entry("否", false));
    private static final int SHOWN_LENGTH = 40;
    private static final int HOUSEHOLD_NUMBER_LENGTH = 16;

    private final LocalDate today;

    CellParser(LocalDate today) {
        this.today = today;
    }

    /** The typed value of {@code text} (stripped, not blank), or null after adding what is wrong to {@code problems}. */
    Object parse(FieldSpec field, String text, long row, List<RowProblem> problems) {
        Problems report = new Problems(field, row, problems);
        switch (field.name()) {
            case "id_number":
                return identityNumber(text, report);
            case "household_number":
                return householdNumber(text, report);
            case "village_code":
                return villageCode(text, report);
            default:
                break;
        }
        return switch (field.type()) {
            case TEXT -> text(field, text, report);
            case INTEGER -> integer(field, text, report);
            case DECIMAL -> decimal(field, text, report);
            case DATE -> date(field, text, report);
            case BOOLEAN -> bool(text, report);
            case CHOICE -> choice(field, text, report);
        };
    }

    private Object identityNumber(String text, Problems report) {
        try {
            return IdentityNumber.parse(text, today).value();
        } catch (InvalidIdentityNumberException e) {
            // the message never contains the full number, so it may be shown and stored
            return report.add("id_" + e.reason().name().toLowerCase(Locale.ROOT), e.chineseMessage());
        }
    }

    private static Object householdNumber(String text, Problems report) {
        if (text.length() != HOUSEHOLD_NUMBER_LENGTH || !allDigits(text)) {
            return report.add(RowProblem.HOUSEHOLD_NUMBER, "应为16位数字，现为" + describeDigits(text));
        }
        return text;
    }

    private static Object villageCode(String text, Problems report) {
        if (text.length() != RegionCode.LENGTH || !allDigits(text)) {
            return report.add(RowProblem.VILLAGE_CODE, "应为12位数字，现为" + describeDigits(text));
        }
        if (text.startsWith("00")) {
            return report.add(RowProblem.VILLAGE_CODE, text + " 的省级代码为00，不是有效的区划代码");
        }
        if (text.endsWith("000")) {
            return report.add(RowProblem.VILLAGE_CODE, text + " 不是村级代码：末三位为000");
        }
        return text;
    }

    private static Object text(FieldSpec field, String text, Problems report) {
        // names and free text follow the platform's one rule (TextRules), as in the registry and declarations
        Optional<TextRules.Violation> violation =
                field.name().equals("name") ? TextRules.name(text) : TextRules.freeText(text);
        if (violation.isPresent()) {
            return report.add(violation.get().code(), violation.get().chineseMessage());
        }
        char first = text.charAt(0);
        // a spreadsheet runs a cell starting with one of these as a formula (security: formula injection)
        if ((first == '=' || first == '+' || first == '-' || first == '@') && !isPlainDecimal(text)) {
            return report.add(RowProblem.FORMULA, "以“" + first + "”开头，电子表格会把它当作公式执行；请删去这个字符");
        }
        int length = text.codePointCount(0, text.length());
        if (length > RowValidator.MAX_TEXT_LENGTH) {
            return report.add(RowProblem.TOO_LONG, "有" + length + "个字，超过允许的" + RowValidator.MAX_TEXT_LENGTH + "个字");
        }
        return text;
    }

    private static Object integer(FieldSpec field, String text, Problems report) {
        if (!isPlainInteger(text)) {
            return notNumber(text, "不是整数", RowProblem.NOT_INTEGER, report);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return report.add(RowProblem.NOT_INTEGER, shown(text) + "数值过大");
        }
        return inRange(field, BigDecimal.valueOf(value), text, report) ? value : null;
    }

    private static Object decimal(FieldSpec field, String text, Problems report) {
        if (!isPlainDecimal(text)) {
            return notNumber(text, "不是数字（只写数字，小数点用“.”）", RowProblem.NOT_DECIMAL, report);
        }
        BigDecimal value = new BigDecimal(text);
        return inRange(field, value, text, report) ? value : null;
    }

    private static Object notNumber(String text, String problem, String code, Problems report) {
        if (GROUPED.matcher(text).matches()) {
            return report.add(
                    RowProblem.THOUSANDS_SEPARATOR, shown(text) + "带有千位分隔符，请去掉逗号，写作 " + text.replace(",", ""));
        }
        return report.add(code, shown(text) + problem);
    }

    private static boolean inRange(FieldSpec field, BigDecimal value, String text, Problems report) {
        if (field.min() != null && value.compareTo(field.min()) < 0) {
            report.add(RowProblem.BELOW_MIN, text + " 小于允许的最小值 " + field.min().toPlainString());
            return false;
        }
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            report.add(RowProblem.ABOVE_MAX, text + " 大于允许的最大值 " + field.max().toPlainString());
            return false;
        }
        return true;
    }

    private Object date(FieldSpec field, String text, Problems report) {
        LocalDate iso = isoDate(text);
        if (iso != null) {
            return checkDate(field, iso, report);
        }
        Matcher separated = SEPARATED_DATE.matcher(text);
        Matcher compact = COMPACT_DATE.matcher(text);
        Matcher parts;
        int monthGroup;
        if (separated.matches()) {
            parts = separated;
            monthGroup = 3;
        } else if (compact.matches()) {
            parts = compact;
            monthGroup = 2;
        } else {
            return report.add(RowProblem.NOT_DATE, shown(text) + "不是日期，请写作 2025-03-18、2025/03/18 或 20250318 的形式");
        }
        int year = Integer.parseInt(parts.group(1));
        LocalDate date;
        try {
            date = LocalDate.of(
                    year, Integer.parseInt(parts.group(monthGroup)), Integer.parseInt(parts.group(monthGroup + 1)));
        } catch (DateTimeException e) {
            return report.add(RowProblem.NOT_DATE, shown(text) + "不是真实存在的日期");
        }
        return checkDate(field, date, report);
    }

    private Object checkDate(FieldSpec field, LocalDate date, Problems report) {
        if (date.getYear() < EARLIEST_YEAR) {
            return report.add(RowProblem.NOT_DATE, date + " 早于" + EARLIEST_YEAR + "年");
        }
        if (!field.futureAllowed() && date.isAfter(today)) {
            return report.add(RowProblem.FUTURE_DATE, date + " 晚于今天（" + today + "）");
        }
        return date;
    }

    /** The date of the usual {@code yyyy-MM-dd}, read without a regular expression since most files use it; or null. */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // the general path reports it
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether the text is [+-]digits. */
    static boolean isPlainInteger(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        return start < text.length() && allDigits(text, start, text.length());
    }

    /** Whether the text is [+-]digits[.digits], [+-]digits. or [+-].digits. */
    static boolean isPlainDecimal(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int dot = text.indexOf('.', start);
        if (dot < 0) {
            return start < text.length() && allDigits(text, start, text.length());
        }
        boolean digitsBefore = dot > start;
        boolean digitsAfter = dot < text.length() - 1;
        return (digitsBefore || digitsAfter) && allDigits(text, start, dot) && allDigits(text, dot + 1, text.length());
    }

    private static Object bool(String text, Problems report) {
        Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            return report.add(RowProblem.NOT_BOOLEAN, shown(text) + "不是“是”或“否”（可填 是/否、true/false、yes/no 或 1/0）");
        }
        return value;
    }

    private static Object choice(FieldSpec field, String text, Problems report) {
        String code = field.choiceCode(text);
        if (code != null) {
            return code;
        }
        return report.add(RowProblem.NOT_CHOICE, shown(text) + "不是可填的值，应为：" + String.join("、", field.choiceWords()));
    }

    private static boolean allDigits(String text) {
        return allDigits(text, 0, text.length());
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String describeDigits(String text) {
        return allDigits(text) ? text.length() + "位" : shown(text) + "，含有非数字的字符";
    }

    /** The value quoted for a message, cut short so a long cell does not flood the report. */
    private static String shown(String text) {
        return "“" + (text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH) + "…" : text) + "”";
    }

    /** Adds problems about one field of one row, named by the template's column header. */
    private record Problems(FieldSpec field, long row, List<RowProblem> problems) {

        Object add(String code, String detail) {
            problems.add(new RowProblem(row, field.name(), code, RowProblem.column(field) + detail));
            return null;
        }
    }
}
