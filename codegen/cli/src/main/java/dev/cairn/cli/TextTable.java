package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain-text table with aligned columns, for people. Colour codes may wrap a cell's text
 * ({@link #row} takes the plain text, a per-cell style is applied after padding), so widths are
 * always computed on the visible text.
 */
final class TextTable {

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<UnaryOperator<String>>> styles = new ArrayList<>();

    private TextTable(List<String> headers, List<Boolean> rightAligned) {
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    /** Column names; a name ending in '>' is right-aligned (numbers, durations), the '>' is not shown. */
    static TextTable of(String... columns) {
        List<String> names = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (String c : columns) {
            boolean r = c.endsWith(">");
            names.add(r ? c.substring(0, c.length() - 1) : c);
            right.add(r);
        }
        return new TextTable(names, right);
    }

    TextTable row(String... cells) {
        return row(List.of(cells), null);
    }

    /** A row with a style (e.g. a colour) for one column; styles never change the alignment. */
    TextTable row(List<String> cells, int styledColumn, UnaryOperator<String> style) {
        List<UnaryOperator<String>> s = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) s.add(i == styledColumn ? style : UnaryOperator.identity());
        return row(cells, s);
    }

    private TextTable row(List<String> cells, List<UnaryOperator<String>> cellStyles) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("Row has " + cells.size() + " cells, table has " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
        styles.add(cellStyles);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as lines: header, a rule, the rows; no trailing spaces. */
    List<String> lines(UnaryOperator<String> headerStyle) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).length());

        List<String> out = new ArrayList<>();
        out.add(headerStyle.apply(format(headers, width, null)));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i > 0 ? "  " : "").append("-".repeat(width[i]));
        out.add(rule.toString());
        for (int r = 0; r < rows.size(); r++) out.add(format(rows.get(r), width, styles.get(r)));
        return out;
    }

    private String format(List<String> cells, int[] width, List<UnaryOperator<String>> cellStyles) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            String pad = " ".repeat(width[i] - cell.length());
            String styled = cellStyles == null || cellStyles.get(i) == null ? cell : cellStyles.get(i).apply(cell);
            if (i > 0) line.append("  ");
            if (rightAligned.get(i)) line.append(pad).append(styled);
            else line.append(styled).append(last ? "" : pad);
        }
        return line.toString().stripTrailing();
    }
}
