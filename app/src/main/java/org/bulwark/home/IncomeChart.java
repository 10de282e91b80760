package org.bulwark.home;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The household file's income chart, laid out on the server and drawn as inline SVG: per-capita income by year as bars
 * (red below the line) and the monitoring line of each year as a step. The page needs no chart library for it, so the
 * file is ready as soon as it arrives. Horizontal positions are percentages of the chart's width, so the SVG fills any
 * screen from a phone to a desk while its text keeps the page's size; vertical ones are pixels of a fixed height.
 *
 * @param ticks the value axis, bottom up: one grid line each
 * @param bars one per year, oldest first
 * @param steps the monitoring line: one level per year that has a line, and the rises or falls between them
 */
public record IncomeChart(List<Tick> ticks, List<Bar> bars, List<Step> steps) {

    /** The chart's height in pixels; the stylesheet gives its container the same. */
    static final int HEIGHT = 260;

    private static final double TOP = 14;
    private static final double BOTTOM = HEIGHT - 30;
    private static final double LEFT = 11;
    private static final double RIGHT = 99;
    private static final int TICKS = 4;

    /** A grid line at {@code y} pixels, labelled with its value. */
    public record Tick(String y, String label) {}

    /**
     * One year's bar; {@code x}/{@code width} in percent, {@code y}/{@code height} in pixels, {@code centre} the
     * year label's position. {@code perCapita} and {@code line} are formatted for its tooltip (line empty when none).
     */
    public record Bar(
            int year,
            String x,
            String width,
            String y,
            String height,
            String centre,
            boolean below,
            String perCapita,
            String line) {

        /** The year as text: a number given to a message would be written with a thousands separator. */
        public String yearText() {
            return String.valueOf(year);
        }
    }

    /** A stretch of the monitoring line from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}), x in percent. */
    public record Step(String x1, String y1, String x2, String y2) {}

    /** Lays out the years given (any order); none gives no chart. */
    static IncomeChart of(List<IncomeTrend.Year> years) {
        List<IncomeTrend.Year> ascending = years.stream()
                .sorted(Comparator.comparingInt(y -> y.income().year()))
                .toList();
        Scale scale = Scale.of(ascending);
        double slot = (RIGHT - LEFT) / Math.max(1, ascending.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ascending.size(); i++) {
            bars.add(bar(ascending.get(i), LEFT + slot * i, slot, scale));
        }
        return new IncomeChart(scale.ticks(), bars, steps(ascending, slot, scale));
    }

    /** One year's bar in its slot; its figures are formatted here, the words of its tooltip come from the messages. */
    private static Bar bar(IncomeTrend.Year year, double left, double slot, Scale scale) {
        double width = Math.min(slot * 0.6, 12);
        double value = year.income().perCapita().doubleValue();
        double top = scale.y(Math.max(value, 0));
        double bottom = scale.y(Math.min(value, 0));
        return new Bar(
                year.income().year(),
                percent(left + (slot - width) / 2),
                percent(width),
                pixels(top),
                pixels(Math.max(bottom - top, 1)),
                percent(left + slot / 2),
                year.below(),
                money(year.income().perCapita(), 2),
                year.line() == null ? "" : money(year.line(), 0));
    }

    /** Each year's line level across its slot, joined to the next year's level where both years have a line. */
    private static List<Step> steps(List<IncomeTrend.Year> ascending, double slot, Scale scale) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ascending.size(); i++) {
            BigDecimal line = ascending.get(i).line();
            if (line == null) {
                continue;
            }
            double left = LEFT + slot * i;
            String y = pixels(scale.y(line.doubleValue()));
            steps.add(new Step(percent(left), y, percent(left + slot), y));
            BigDecimal next = i + 1 < ascending.size() ? ascending.get(i + 1).line() : null;
            if (next != null && next.compareTo(line) != 0) {
                steps.add(new Step(percent(left + slot), y, percent(left + slot), pixels(scale.y(next.doubleValue()))));
            }
        }
        return steps;
    }

    /** The value axis: from a round number at or below the least value (and zero) to one at or above the greatest. */
    private record Scale(double low, double high, double step) {

        static Scale of(List<IncomeTrend.Year> years) {
            double least = 0;
            double greatest = 0;
            for (IncomeTrend.Year year : years) {
                double value = year.income().perCapita().doubleValue();
                least = Math.min(least, value);
                greatest = Math.max(greatest, value);
                if (year.line() != null) {
                    greatest = Math.max(greatest, year.line().doubleValue());
                }
            }
            if (greatest <= least) {
                greatest = least + 1;
            }
            double step = roundStep((greatest - least) / TICKS);
            return new Scale(Math.floor(least / step) * step, Math.ceil(greatest / step) * step, step);
        }

        /** 1, 2 or 5 times a power of ten, the least at or above {@code raw}. */
        static double roundStep(double raw) {
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double factor : new double[] {1, 2, 5, 10}) {
                if (factor * power >= raw * (1 - 1e-9)) {
                    return factor * power;
                }
            }
            return 10 * power;
        }

        double y(double value) {
            return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP);
        }

        List<Tick> ticks() {
            List<Tick> ticks = new ArrayList<>();
            int count = (int) Math.round((high - low) / step);
            for (int i = 0; i <= count; i++) {
                double value = low + step * i;
                ticks.add(new Tick(pixels(y(value)), money(BigDecimal.valueOf(value), step < 1 ? 2 : 0)));
            }
            return ticks;
        }
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static String pixels(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String money(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
