//! The data a chart draws, as plain values: the presentation layer builds them (with
//! every name and description in the reader's language, and every figure already
//! rounded as the tables round it); the shell's `src/charts/` turns them into SVG.
//! Chart geometry is the only place `f64` meets money (`Money::to_f64_for_geometry`).

use crate::lang::Lang;
use crate::provenance::Figure;
use blockvote_model::Money;

/// One series of values, one per group.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Money>,
    /// Each value as its label writes it: a paper figure as the paper prints it
    /// (`238`), any other amount to one decimal (`238.5`).
    pub texts: Vec<String>,
}

impl Series {
    /// A series of amounts that are not the paper's, written to one decimal.
    pub fn amounts(name: String, values: Vec<Money>) -> Series {
        let texts = values.iter().map(|amount| crate::format::millions(*amount)).collect();
        Series { name, values, texts }
    }

    /// A series of figures, each written as the figure writes itself, so a paper
    /// figure keeps the paper's own decimals in the chart too.
    pub fn figures(name: String, figures: &[Figure], lang: Lang) -> Series {
        Series {
            name,
            values: figures.iter().map(|f| f.money().unwrap_or_default()).collect(),
            texts: figures.iter().map(|f| f.text(lang)).collect(),
        }
    }
}

/// One column's stacked segments, bottom first.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub segments: Vec<Money>,
}

/// A quarter's columns and optional whisker.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterColumns {
    /// The axis label (e.g. `18-19 Q1`).
    pub label: String,
    /// The accessible description of the whole quarter.
    pub description: String,
    pub columns: Vec<Column>,
    /// (low, high) drawn as a whisker over the last column.
    pub range: Option<(Money, Money)>,
}

/// One bar: the half-open range it covers on the x axis (geometry only) and the texts
/// a person reads.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramBin {
    /// Left edge on the x axis (for geometry only).
    pub lo: f64,
    /// Right edge on the x axis (for geometry only).
    pub hi: f64,
    pub count: usize,
    /// The full description, e.g. `HK$9.5M – 10.0M: 59 projects`; used for the
    /// accessible name, the tooltip and the read-out.
    pub label: String,
}

/// A vertical line marking a value on the x axis, e.g. a threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramMarker {
    pub at: f64,
    pub label: String,
    /// The label with only the figure and its name, for a chart too narrow for
    /// `label` (a phone); the same as `label` when that is already short.
    pub short_label: String,
    /// Writes the label to the left of the line instead of to the right (for a line
    /// near the right edge).
    pub label_left: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    pub name: String,
    pub points: Vec<Money>,
}

/// One lever's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The lever's name, e.g. `Share of projects late`.
    pub name: String,
    /// The two settings in short, e.g. `0% → 50%`, printed under the name.
    pub settings: String,
    /// The figure with the lever at its low setting, and at its high setting.
    pub at_low: Money,
    pub at_high: Money,
    /// The full accessible description of the row.
    pub description: String,
}

/// Where a legend item goes: its left edge and its row (0 is the top row).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub row: usize,
}

/// Lays legend items out left to right from `start`, each `widths[i]` px wide with
/// `gap` px between them, starting a new row when the next item would pass `end`: so
/// a legend wraps on a phone instead of running off the chart.
pub fn legend_rows(widths: &[f64], start: f64, end: f64, gap: f64) -> Vec<Placed> {
    let mut x = start;
    let mut row = 0;
    widths
        .iter()
        .map(|width| {
            if x > start && x + width > end {
                x = start;
                row += 1;
            }
            let placed = Placed { x, row };
            x += width + gap;
            placed
        })
        .collect()
}

/// The least space between two labels in one row, about two spaces of the charts'
/// type: labels closer than that read as one ("floor HK$0.2M ceiling HK$10.0M").
const LABEL_SPACING: f64 = 8.0;

/// Rows for labels spanning `extents` (left, right in px, in drawing order) so that
/// no two labels in one row overlap or come within [`LABEL_SPACING`]: each label takes
/// the first row where it fits. A chart draws row `r` one line further from its plot.
pub fn label_rows(extents: &[(f64, f64)]) -> Vec<usize> {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    extents
        .iter()
        .map(|&(left, right)| {
            let fits = |row: &Vec<(f64, f64)>| {
                row.iter().all(|&(l, r)| right + LABEL_SPACING <= l || left >= r + LABEL_SPACING)
            };
            let index = rows.iter().position(fits).unwrap_or(rows.len());
            match rows.get_mut(index) {
                Some(row) => row.push((left, right)),
                None => rows.push(vec![(left, right)]),
            }
            index
        })
        .collect()
}

/// Where a marker line's label is drawn: its words (`short` when the full label does
/// not fit beside its line), the point its text is anchored at and how, and the span
/// it takes, for `label_rows`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerLabel {
    pub short: bool,
    pub x: f64,
    /// `"start"` or `"end"`, the SVG `text-anchor`.
    pub anchor: &'static str,
    pub span: (f64, f64),
}

/// The gap between a marker line and its label, and the least gap to the chart's edge.
const LABEL_GAP: f64 = 5.0;

/// Places the label of a marker line at `x` on a chart `width` px wide, the label
/// `full` px wide or `short` px when cut to its figure (both as `axis::label_width`
/// estimates them). The label goes on the side `left` asks for beside the line; when
/// the full label does not fit there the short one does, and a label that still does
/// not fit is moved along until it is inside the chart, so no marker label is cut by
/// the chart's edge on a phone.
pub fn place_marker_label(x: f64, width: f64, full: f64, short: f64, left: bool) -> MarkerLabel {
    let room = if left { x - LABEL_GAP } else { width - x - LABEL_GAP };
    let use_short = full * crate::axis::LABEL_WIDTH_SLACK > room;
    let wide = (if use_short { short } else { full }) * crate::axis::LABEL_WIDTH_SLACK;
    let beside = if left { x - LABEL_GAP - wide } else { x + LABEL_GAP };
    let inside = beside.min(width - LABEL_GAP - wide).max(LABEL_GAP);
    // Beside its line a label is anchored at the line's side, where its estimated
    // width does not matter; moved inside, at its start.
    let (x, anchor) = match (inside == beside, left) {
        (true, true) => (x - LABEL_GAP, "end"),
        (true, false) => (x + LABEL_GAP, "start"),
        (false, _) => (inside, "start"),
    };
    MarkerLabel { short: use_short, x, anchor, span: (inside, inside + wide) }
}

/// A legend item laid out: where it starts, the top of its row, and its name broken
/// into lines that fit.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

/// A legend laid out within `start..end`: items (a swatch `swatch` px wide, then the
/// name) left to right, wrapping into rows, a name too long for a row broken into
/// lines; and the legend's height. Text is `font` px with lines `line` px apart.
pub fn legend_layout(
    names: &[String],
    swatch: f64,
    start: f64,
    end: f64,
    font: f64,
    line: f64,
) -> (Vec<LegendItem>, f64) {
    let room = (end - start - swatch).max(font * 4.0);
    let wrapped: Vec<Vec<String>> = names.iter().map(|name| wrap_label(name, room, font)).collect();
    let widths: Vec<f64> = wrapped
        .iter()
        .map(|lines| swatch + lines.iter().map(|l| crate::axis::label_width(l, font)).fold(0.0, f64::max))
        .collect();
    let placed = legend_rows(&widths, start, end, font * 1.3);
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
    // Each row is as tall as its item with the most lines.
    let mut heights = vec![0.0_f64; rows];
    for (p, lines) in placed.iter().zip(&wrapped) {
        if let Some(height) = heights.get_mut(p.row) {
            *height = height.max(lines.len().max(1) as f64 * line + 4.0);
        }
    }
    let tops: Vec<f64> = heights
        .iter()
        .scan(0.0, |top, height| {
            let this = *top;
            *top += height;
            Some(this)
        })
        .collect();
    let items = placed
        .iter()
        .zip(wrapped)
        .map(|(p, lines)| LegendItem { x: p.x, y: tops.get(p.row).copied().unwrap_or(0.0), lines })
        .collect();
    (items, heights.iter().sum())
}

/// `text` broken into lines at most `width` px wide at `font` px: at spaces, and
/// between any two CJK characters (which need none). A word longer than a line keeps
/// a line of its own.
pub fn wrap_label(text: &str, width: f64, font: f64) -> Vec<String> {
    wrap_label_within(text, width, font, usize::MAX)
}

/// [`wrap_label`] in at most `most` lines: what does not fit them stays on the last,
/// spaced as written, for the chart's width to cut rather than to drop.
pub fn wrap_label_within(text: &str, width: f64, font: f64, most: usize) -> Vec<String> {
    let is_cjk = |c: char| c >= '\u{2E80}';
    // Words: runs of other characters, or single CJK characters; `true` if a space
    // came before.
    let mut words: Vec<(bool, String)> = Vec::new();
    let mut spaced = false;
    for c in text.chars() {
        if c == ' ' {
            spaced = true;
            continue;
        }
        match words.last_mut() {
            Some((_, word)) if !spaced && !is_cjk(c) && !word.chars().last().is_some_and(is_cjk) => word.push(c),
            _ => words.push((spaced, c.to_string())),
        }
        spaced = false;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (space, word) in words {
        let joined = if current.is_empty() {
            word.clone()
        } else if space {
            format!("{current} {word}")
        } else {
            format!("{current}{word}")
        };
        let room = lines.len().saturating_add(1) < most;
        if room && !current.is_empty() && crate::axis::label_width(&joined, font) > width {
            lines.push(std::mem::replace(&mut current, word));
        } else {
            current = joined;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_wrapped_within_a_number_of_lines_keeps_the_rest_on_the_last() {
        let text = "Model calibration (baseline less the paper)";
        assert_eq!(
            wrap_label_within(text, 80.0, 11.0, 2),
            vec!["Model".to_string(), "calibration (baseline less the paper)".to_string()]
        );
        assert_eq!(wrap_label_within(text, 80.0, 11.0, 1), vec![text.to_string()]);
        assert_eq!(wrap_label_within(text, 80.0, 11.0, usize::MAX), wrap_label(text, 80.0, 11.0));
        // CJK characters need no space between them, on one line or across a break.
        assert_eq!(
            wrap_label_within("模型校準（模型基線與文件之差）", 40.0, 11.0, 2).concat(),
            "模型校準（模型基線與文件之差）"
        );
    }

    #[test]
    fn legends_wrap_and_labels_stack_only_when_they_would_overlap() {
        let placed = legend_rows(&[60.0, 40.0, 260.0, 60.0], 10.0, 390.0, 12.0);
        let shown: Vec<(f64, usize)> = placed.iter().map(|p| (p.x, p.row)).collect();
        assert_eq!(shown, vec![(10.0, 0), (82.0, 0), (10.0, 1), (282.0, 1)]);
        assert_eq!(legend_rows(&[500.0], 10.0, 390.0, 12.0), vec![Placed { x: 10.0, row: 0 }]);
        assert_eq!(label_rows(&[(0.0, 100.0), (200.0, 300.0)]), vec![0, 0]);
        assert_eq!(label_rows(&[(0.0, 100.0), (50.0, 150.0), (120.0, 200.0)]), vec![0, 1, 0]);
        // Labels that would touch, or nearly, take rows of their own.
        assert_eq!(label_rows(&[(0.0, 100.0), (104.0, 200.0)]), vec![0, 1]);
        assert_eq!(label_rows(&[(104.0, 200.0), (0.0, 100.0)]), vec![0, 1]);
        assert_eq!(label_rows(&[(0.0, 100.0), (108.0, 200.0)]), vec![0, 0]);
    }

    /// A marker label's words, anchor and x (rounded to 0.1 px) for a line at `x` on a
    /// chart 300 px wide, the full label 200 px and the short one 80 px.
    #[track_caller]
    fn check(x: f64, left: bool, expected: &str) {
        let placed = place_marker_label(x, 300.0, 200.0, 80.0, left);
        let words = if placed.short { "short" } else { "full" };
        let shown = format!("{words} {} {}", placed.anchor, (placed.x * 10.0).round() / 10.0);
        assert_eq!(shown, expected, "line at {x}, left {left}");
    }

    #[test]
    fn a_marker_label_is_short_or_moved_rather_than_cut_by_the_edge() {
        check(280.0, true, "full end 275");
        check(20.0, false, "full start 25");
        check(150.0, true, "short end 145");
        check(150.0, false, "short start 155");
        check(60.0, true, "short start 5");
        check(290.0, false, "short start 203");
        // A chart narrower than even the short label starts it at the left edge.
        let narrow = place_marker_label(10.0, 50.0, 200.0, 80.0, true);
        assert_eq!((narrow.short, narrow.x, narrow.anchor), (true, 5.0, "start"));
    }

    #[test]
    fn long_names_wrap_at_spaces_or_between_cjk_characters() {
        let lines = wrap_label("Model baseline (calibrated to Annex B) (cumulative)", 200.0, 11.0);
        assert_eq!(lines, vec!["Model baseline (calibrated to", "Annex B) (cumulative)"]);
        assert_eq!(
            wrap_label("模型基線（按附件 B 校準）（累計）", 80.0, 11.0),
            vec!["模型基線（按附", "件 B 校準）（", "累計）"]
        );
        assert_eq!(wrap_label("Scenario", 20.0, 11.0), vec!["Scenario"]);
        assert_eq!(wrap_label("", 20.0, 11.0), vec![""]);
        let names = ["Ongoing", "New", "Model baseline (calibrated to Annex B)", "Scenario"].map(String::from);
        let (items, height) = legend_layout(&names, 18.0, 8.0, 350.0, 11.0, 13.0);
        let shown: Vec<(f64, f64, usize)> =
            items.iter().map(|i| ((i.x * 100.0).round() / 100.0, i.y, i.lines.len())).collect();
        assert_eq!(shown, vec![(8.0, 0.0, 1), (84.96, 0.0, 1), (8.0, 17.0, 1), (8.0, 34.0, 1)]);
        assert_eq!(height, 51.0);
    }
}
