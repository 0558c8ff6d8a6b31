//! The data table: any figure over any two levers (the model's
//! `blockvote_model::engine::data_table`), as the Risk screen shows it. The member
//! picks a preset or two levers, a range and a step for each, and the figure; this
//! module reads those into a table the model can compute (every refusal worded at
//! the field it concerns), computes it a slice at a time ([`DataTableWork`]), and
//! writes it: headings, cells as figures of the scenario with a heat bucket, the
//! scenario's own cell, refused cells with their reasons, the legend and the CSV.

use super::{without_slippage_levers, Sentence};
use crate::fields::{any_decimal, int_in, share_in, FieldError, FieldSpec};
use crate::format::count;
use crate::lang::{l, Label, Lang};
use crate::levers::{is_percentage_share, lever_field};
use crate::paper::{Indicator, Para5Column, Printed};
use crate::provenance::{Basis, Figure, Provenance, Value};
use crate::refusal::engine_error;
use crate::words::{lever_label, lever_value, metric_label};
use blockvote_model::engine::data_table::snap;
use blockvote_model::engine::{
    para5_late_share, Axis, AxisError, DataTable, DataTableSpec, Engine, Lever, Metric, Reading, Scenario, SpecError,
    MAX_AXIS_VALUES, MAX_CELLS,
};
use blockvote_model::exports::csv_line;
use blockvote_model::Dataset;
use rust_decimal::Decimal;
use std::sync::Arc;

pub const HEADING: Label = l("數據表：任何兩項調節、任何數字", "Data table: any two levers, any figure");

pub const EXPLANATION: Label = l(
    "選擇兩項調節及各自的範圍和步長，再選擇要看的數字：每格是情景在該兩項調節設定下的數字（其他調節按情景不變）。可先從預設表開始。這些選擇在本頁開啟期間保留；連結、已儲存的情景和重新載入只保留情景的調節，不包括這些選擇。",
    "Choose two levers, a range and a step for each, and the figure to read: each cell is the scenario's figure with the two levers at the cell's values (every other lever as in the scenario). A preset is a good place to start. These choices last while this page is open: a link, a saved scenario and a reload keep the scenario's levers, not these choices.",
);

pub const PRESET_LABEL: Label = l("預設表", "Preset");
pub const CUSTOM: Label = l("自選（按下面的設定）", "Your own (as set below)");
pub const ROWS: Label = l("行", "Rows");
pub const COLUMNS: Label = l("列", "Columns");
pub const LEVER: Label = l("調節", "Lever");
pub const FROM: Label = l("由", "From");
pub const TO: Label = l("至", "To");
pub const STEP: Label = l("步長", "Step");
pub const FIGURE: Label = l("數字", "Figure");
/// The label of the CSV line that says whose a heading the paper prints is.
pub const CITED_HEADING: Label = l("標題", "Heading");
pub const EXPORT: Label = l("下載此表（CSV）", "Download this table (CSV)");
pub const EXPORT_FAILED: Label = l("瀏覽器未能下載檔案。", "The browser could not download the file.");
pub const FILE: &str = "blockvote-data-table.csv";
pub const REFUSED_TEXT: &str = "—";

pub const MARKED: Label = l(
    "加框的一格是情景本身對這兩項調節的設定。",
    "The outlined cell is your scenario's own setting of the two levers.",
);
pub const NOT_MARKED: Label = l(
    "情景本身對這兩項調節的設定不在表中（或情景沒有設定其中一項，例如延誤調節未開啟），所以沒有加框的一格。",
    "Your scenario's own setting of the two levers is not in the table (or the scenario does not set one of them, e.g. the slippage lever is off), so no cell is outlined.",
);
const PARA5_CELL: Label = l(
    "粗體的一格為第 5 段的依期比率（{}）配合延誤 1 季（本工具預設）。",
    "The cell in bold is para 5's on-time rate ({}) with a one-quarter delay (blockvote's default).",
);

/// What the bold cell is, para 5's rate in it cited as its headings cite it (an audit
/// found the sentence the one place it went unmarked); `None` if the dataset lacks it.
pub fn para5_cell_note(data: &Dataset, lang: Lang) -> Option<Sentence> {
    let rate = Printed::Performance { indicator: Indicator::Schedule, column: Para5Column::RatePct }.figure(data)?;
    Some(Sentence::fill(PARA5_CELL.get(lang), [rate]))
}
pub const LEGEND: Label = l("顏色深淺（數字均印在格內）", "Shading (every figure is printed in its cell)");
pub const REFUSED_HEADING: Label = l("未能計算的格（—）", "Cells that could not be computed (—)");

/// The presets: para 5's table first (the table the screen always showed), then
/// three other questions worth asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// On-time rate × delay → 2018-19 total, para 5's rate among the rates.
    Para5,
    /// Cost change × the 2018-19 cash cap → cash pushed beyond 2018-19.
    CostByCap,
    /// The calibrated profile's retention share × cost change → new projects' 2018-19 cash.
    RetentionByCost,
    /// Share late × the ongoing projects' cash → 2018-19 total.
    ShareLateByOngoing,
}

impl Preset {
    pub const ALL: [Preset; 4] =
        [Preset::Para5, Preset::CostByCap, Preset::RetentionByCost, Preset::ShareLateByOngoing];

    /// The preset's stable name, used as a form value.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Para5 => "para5",
            Preset::CostByCap => "cost_by_cap",
            Preset::RetentionByCost => "retention_by_cost",
            Preset::ShareLateByOngoing => "share_late_by_ongoing",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.key() == key)
    }

    pub fn label(self) -> Label {
        match self {
            Preset::Para5 => l("依期完成比率 × 延誤（第 5 段）", "On-time rate × delay (para 5)"),
            Preset::CostByCap => {
                l("成本變動 × 現金上限 → 2018-19 年度以後的現金", "Cost change × cash cap → cash beyond 2018-19")
            }
            Preset::RetentionByCost => l(
                "完成時支付比例 × 成本變動 → 新項目 2018-19 現金",
                "Retention share × cost change → new projects' 2018-19 cash",
            ),
            Preset::ShareLateByOngoing => {
                l("延誤項目比例 × 進行中項目現金 → 2018-19 總額", "Share late × ongoing projects' cash → 2018-19 total")
            }
        }
    }

    /// The preset as the form shows it. Para 5's rows are not one step apart (para 5's
    /// 67.1% takes the place of 70%), so its form says 50% to 100% by 10% and the
    /// table uses [`Preset::spec`]'s exact rows.
    pub fn form(self) -> TableForm {
        let axis = |lever, from: Decimal, to: Decimal, step: Decimal| AxisForm { lever, from, to, step };
        let (rows, columns, metric) = match self {
            Preset::Para5 => (
                axis(Lever::OnTimeRate, Decimal::new(5, 1), Decimal::ONE, Decimal::new(1, 1)),
                axis(Lever::SlipQuarters, Decimal::ONE, Decimal::from(4), Decimal::ONE),
                Metric::BudgetYearTotal,
            ),
            Preset::CostByCap => (
                axis(Lever::CostChangePct, Decimal::from(-10), Decimal::from(30), Decimal::TEN),
                axis(Lever::Cap, Decimal::from(950), Decimal::from(1_100), Decimal::from(50)),
                Metric::BeyondBudgetYear,
            ),
            Preset::RetentionByCost => (
                axis(Lever::Retention, Decimal::new(5, 1), Decimal::ONE, Decimal::new(1, 1)),
                axis(Lever::CostChangePct, Decimal::from(-10), Decimal::from(20), Decimal::TEN),
                Metric::BudgetYearNew,
            ),
            Preset::ShareLateByOngoing => (
                axis(Lever::SlipShare, Decimal::ZERO, Decimal::new(5, 1), Decimal::new(1, 1)),
                axis(Lever::OngoingAmount, Decimal::from(717), Decimal::from(917), Decimal::from(50)),
                Metric::BudgetYearTotal,
            ),
        };
        TableForm { preset: Some(self), rows, columns, metric }
    }

    /// The preset's table.
    pub fn spec(self) -> Result<DataTableSpec, Box<FormErrors>> {
        match self {
            Preset::Para5 => {
                let rows = Axis::listed(Lever::OnTimeRate, &para5_rates())
                    .map_err(|e| FormErrors::rows(e, Lever::OnTimeRate))?;
                let columns = Axis::listed(Lever::SlipQuarters, &para5_delays())
                    .map_err(|e| FormErrors::columns(e, Lever::SlipQuarters))?;
                pair(rows, columns, Metric::BudgetYearTotal)
            }
            _ => TableForm { preset: None, ..self.form() }.spec(),
        }
    }
}

/// The on-time rates of para 5's table; the third is para 5's 141/210.
pub fn para5_rates() -> Vec<Decimal> {
    vec![
        Decimal::new(5, 1),
        Decimal::new(6, 1),
        Decimal::ONE - para5_late_share(),
        Decimal::new(8, 1),
        Decimal::new(9, 1),
        Decimal::ONE,
    ]
}

/// The delays of para 5's table, in quarters.
pub fn para5_delays() -> Vec<Decimal> {
    (1..=4).map(Decimal::from).collect()
}

/// One side of the table as the form holds it (each value as its field accepted it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxisForm {
    pub lever: Lever,
    pub from: Decimal,
    pub to: Decimal,
    pub step: Decimal,
}

impl AxisForm {
    /// The range a lever starts with when it is chosen: a span around its usual values
    /// in about five steps.
    pub fn default_for(lever: Lever) -> AxisForm {
        let (from, to, step) = match lever {
            Lever::SlipShare | Lever::OnTimeRate => (Decimal::ZERO, Decimal::ONE, Decimal::new(2, 1)),
            Lever::SlipQuarters => (Decimal::ONE, Decimal::from(4), Decimal::ONE),
            Lever::CostChangePct => (Decimal::from(-10), Decimal::from(20), Decimal::TEN),
            Lever::OngoingAmount => (Decimal::from(717), Decimal::from(917), Decimal::from(50)),
            Lever::Retention => (Decimal::new(5, 1), Decimal::ONE, Decimal::new(1, 1)),
            Lever::Cap => (Decimal::from(950), Decimal::from(1_100), Decimal::from(50)),
            Lever::AllocationScale => (Decimal::new(8, 1), Decimal::new(12, 1), Decimal::new(1, 1)),
        };
        AxisForm { lever, from, to, step }
    }

    fn axis(&self) -> Result<Axis, AxisError> {
        Axis::range(self.lever, self.from, self.to, self.step)
    }
}

/// The member's choice: a preset, or the form's own levers, ranges and figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableForm {
    /// The preset in use, until a field changes.
    pub preset: Option<Preset>,
    pub rows: AxisForm,
    pub columns: AxisForm,
    pub metric: Metric,
}

impl Default for TableForm {
    fn default() -> TableForm {
        Preset::Para5.form()
    }
}

/// Why the form makes no table, each at the part of the form it concerns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub rows: Option<AxisFault>,
    pub columns: Option<AxisFault>,
    /// About the two levers together (the same lever twice, too many cells).
    pub pair: Option<FieldError>,
}

/// A side's refusal: its words, said once under the side's fields, and the fields it
/// is about, which are marked invalid and point to those words (a step giving too many
/// values is the step's and the range's, each field of which read on its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisFault {
    pub words: FieldError,
    pub parts: AxisParts,
}

/// Which of a side's fields a refusal is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AxisParts {
    pub from: bool,
    pub to: bool,
    pub step: bool,
}

impl AxisFault {
    fn of(error: &AxisError, lever: Lever) -> AxisFault {
        let range = AxisParts { from: true, to: true, step: false };
        let parts = match error {
            AxisError::OutOfRange { .. } | AxisError::Reversed => range,
            AxisError::StepNotPositive { .. } => AxisParts { step: true, ..AxisParts::default() },
            AxisError::TooMany { .. } | AxisError::Empty => AxisParts { step: true, ..range },
        };
        AxisFault { words: axis_error(error, lever), parts }
    }
}

impl FormErrors {
    fn rows(error: AxisError, lever: Lever) -> Box<FormErrors> {
        Box::new(FormErrors { rows: Some(AxisFault::of(&error, lever)), ..FormErrors::default() })
    }

    fn columns(error: AxisError, lever: Lever) -> Box<FormErrors> {
        Box::new(FormErrors { columns: Some(AxisFault::of(&error, lever)), ..FormErrors::default() })
    }
}

impl TableForm {
    /// The table the form asks for, or why not (every axis checked, then the pair).
    pub fn spec(&self) -> Result<DataTableSpec, Box<FormErrors>> {
        if let Some(preset) = self.preset {
            return preset.spec();
        }
        let (rows, columns) = (self.rows.axis(), self.columns.axis());
        match (rows, columns) {
            (Ok(rows), Ok(columns)) => pair(rows, columns, self.metric),
            (rows, columns) => Err(Box::new(FormErrors {
                rows: rows.err().map(|e| AxisFault::of(&e, self.rows.lever)),
                columns: columns.err().map(|e| AxisFault::of(&e, self.columns.lever)),
                pair: lever_pair_error(self.rows.lever, self.columns.lever),
            })),
        }
    }

    /// The form with one side's lever changed: that side takes the lever's starting
    /// range, and the preset no longer applies.
    pub fn with_lever(self, rows: bool, lever: Lever) -> TableForm {
        let axis = AxisForm::default_for(lever);
        let form = TableForm { preset: None, ..self };
        if rows {
            TableForm { rows: axis, ..form }
        } else {
            TableForm { columns: axis, ..form }
        }
    }
}

/// The model's refusal of the two levers themselves, whatever their ranges: the pair
/// tried with one value a side.
fn lever_pair_error(rows: Lever, columns: Lever) -> Option<FieldError> {
    let one = |lever: Lever| Axis::listed(lever, &[lever.range().0]).ok();
    let (rows, columns) = (one(rows)?, one(columns)?);
    pair(rows, columns, Metric::BudgetYearTotal).err().and_then(|errors| errors.pair)
}

fn pair(rows: Axis, columns: Axis, metric: Metric) -> Result<DataTableSpec, Box<FormErrors>> {
    let cells = rows.values().len().saturating_mul(columns.values().len());
    DataTableSpec::new(rows, columns, metric)
        .map_err(|error| Box::new(FormErrors { pair: Some(spec_error(error, cells)), ..FormErrors::default() }))
}

/// An axis's refusal in words, at that axis.
pub fn axis_error(error: &AxisError, lever: Lever) -> FieldError {
    let value = |v: Decimal| (lever_value(lever, v, Lang::Zh), lever_value(lever, v, Lang::En));
    match error {
        AxisError::OutOfRange { min, max } => {
            let ((min_zh, min_en), (max_zh, max_en)) = (value(*min), value(*max));
            FieldError::new(
                format!("數值須介乎 {min_zh} 至 {max_zh}"),
                format!("Values must lie between {min_en} and {max_en}"),
            )
        }
        AxisError::Reversed => FieldError::new("「至」不可小於「由」", "“To” cannot be below “From”"),
        AxisError::StepNotPositive { smallest } => {
            let smallest = smallest.normalize();
            FieldError::new(format!("步長須至少為 {smallest}"), format!("The step must be at least {smallest}"))
        }
        AxisError::TooMany { most } => FieldError::new(
            format!("數值太多：每邊最多 {most} 個，請加大步長或縮窄範圍"),
            format!("Too many values: at most {most} a side; take a larger step or a shorter range"),
        ),
        AxisError::Empty => FieldError::new("沒有數值", "There is no value"),
    }
}

/// A refusal of the two levers together, in words.
pub fn spec_error(error: SpecError, cells: usize) -> FieldError {
    match error {
        SpecError::SameLever => FieldError::new("請選擇兩項不同的調節", "Choose two different levers"),
        SpecError::OnTimeRateAndShareLate => FieldError::new(
            "依期完成比率與延誤項目比例是同一項調節（兩者相加為 1），請為其中一邊選擇另一項調節",
            "The on-time rate and the share of projects late are one lever (each is 1 minus the other): choose another lever for one side",
        ),
        SpecError::TooManyCells { most } => FieldError::new(
            format!("此表會有 {} 格，最多只可有 {most} 格：請加大步長或縮窄範圍", count(cells)),
            format!("This table would have {} cells; at most {most} are allowed: take larger steps or shorter ranges", count(cells)),
        ),
    }
}

/// The step field of an axis of `lever`: a number above zero, whole for a whole
/// lever, no larger than the lever's whole range (one value).
pub fn step_field(lever: Lever) -> FieldSpec<Decimal> {
    let (min, max) = lever.range();
    let width = max - min;
    let unit = crate::levers::lever_unit(lever);
    let read = move |text: &str| {
        if lever.is_whole() {
            let most = i64::try_from(width).unwrap_or(i64::MAX).max(1);
            return int_in(text, 1, most, unit).map(Decimal::from);
        }
        // Any number is read first, so that a step out of bounds is told which bound. A
        // share's step written as a percentage or a fraction reads as its bounds do (5% is
        // 0.05), within the share's 0 to 1.
        let share_form = is_percentage_share(lever) && text.contains(['%', '％', '/', '／']);
        let step = if share_form { share_in(text)? } else { any_decimal(text, unit)? };
        let smallest = lever.resolution();
        if snap(lever, step) < smallest {
            return Err(FieldError::new(
                format!("步長須至少為 {}", smallest.normalize()),
                format!("The step must be at least {}", smallest.normalize()),
            ));
        }
        if step > width {
            let most = width.normalize();
            return Err(FieldError::new(format!("步長最多為 {most}"), format!("The step can be at most {most}")));
        }
        Ok(step)
    };
    let spec = FieldSpec::new(STEP, read, |value: &Decimal| value.normalize().to_string());
    match unit {
        Some(unit) => spec.unit(unit),
        None => spec,
    }
}

/// The "from" and "to" fields of an axis of `lever`: the lever's own field (its range,
/// whole numbers where it is whole) under another label.
pub fn bound_field(lever: Lever, label: Label) -> FieldSpec<Decimal> {
    FieldSpec { label, ..lever_field(lever) }
}

/// The scenario the cells start from: the member's, except that a table setting both
/// halves of slippage (its share and its delay) starts without the member's slippage
/// lever, which no cell would keep, so a change of that lever does not recompute it.
pub fn table_scenario(spec: &DataTableSpec, scenario: &Scenario) -> Scenario {
    if spec.sets_all_slippage() {
        without_slippage_levers(scenario)
    } else {
        scenario.clone()
    }
}

/// The table computed one cell (one projection) at a time, so the shell can spread it
/// over several browser tasks.
pub struct DataTableWork {
    engine: Arc<Engine>,
    scenario: Scenario,
    table: DataTable,
}

impl DataTableWork {
    pub fn new(engine: Arc<Engine>, scenario: Scenario, spec: DataTableSpec) -> DataTableWork {
        DataTableWork { engine, scenario, table: DataTable::new(spec) }
    }

    /// Computes up to `units` more cells, each figure as the screens show it
    /// ([`crate::cash::shown_reading`]); returns how many it did.
    pub fn compute(&mut self, units: u32) -> u32 {
        self.table.compute_read_by(&self.engine, &self.scenario, units, crate::cash::shown_reading)
    }

    /// `(cells done, cells in all)`.
    pub fn progress(&self) -> (u32, u32) {
        let (done, total) = self.table.progress();
        (u32::try_from(done).unwrap_or(u32::MAX), u32::try_from(total).unwrap_or(u32::MAX))
    }

    pub fn table(&self) -> &DataTable {
        &self.table
    }
}

/// How many shades the heat scale has.
pub const HEAT_BUCKETS: u8 = 5;

/// A row heading: the lever's value, para 5's printed rate cited where it is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub text: String,
    pub cited: Option<Figure>,
}

/// A cell as drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The figure (`None` until computed or when refused).
    pub figure: Option<Figure>,
    /// What the cell says: the figure, `…` until computed, `—` when refused.
    pub text: String,
    /// The shade, 0 (lowest) to [`HEAT_BUCKETS`] − 1, for a computed figure.
    pub bucket: Option<u8>,
    /// Why the engine refused the cell, with the number of its note.
    pub refusal: Option<(usize, String)>,
    /// The scenario's own settings of the two levers.
    pub marked: bool,
    /// Para 5's rate with a one-quarter delay.
    pub para5: bool,
}

/// One shade of the legend and the figures it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub bucket: u8,
    pub text: String,
}

/// The table as drawn, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    /// `New projects' 2018-19 cash (HK$M)`.
    pub caption: String,
    /// Whose every cell's figure is ([`table_provenance`]), said once by the caption.
    pub provenance: Provenance,
    /// `On-time rate \ Quarters late`.
    pub corner: String,
    pub row_lever: String,
    pub column_lever: String,
    pub columns: Vec<Heading>,
    pub rows: Vec<Heading>,
    pub cells: Vec<Vec<Cell>>,
    pub legend: Vec<LegendEntry>,
    /// The refusals, numbered as the cells refer to them.
    pub refusals: Vec<String>,
    pub marked: Option<(usize, usize)>,
    pub has_para5_cell: bool,
    pub done: bool,
}

/// The figure's unit, for the caption and the CSV.
pub fn unit(metric: Metric) -> Label {
    match metric {
        Metric::OverCeiling => l("項目", "projects"),
        _ => l("百萬元", "HK$M"),
    }
}

fn reading_figure(reading: Reading) -> Figure {
    match reading {
        Reading::Amount(amount) => Figure::scenario(Value::Millions(amount)),
        Reading::Count(n) => Figure::scenario(Value::Count(u64::from(n))),
    }
}

fn reading_number(reading: Reading) -> Decimal {
    match reading {
        Reading::Amount(amount) => amount.millions(),
        Reading::Count(n) => Decimal::from(n),
    }
}

/// The shade of `value` among figures from `low` to `high`: five equal bands, the
/// highest figure in the last; all figures equal share the lightest shade.
pub fn heat_bucket(value: Decimal, low: Decimal, high: Decimal) -> u8 {
    let top = HEAT_BUCKETS - 1;
    let span = high - low;
    if span <= Decimal::ZERO {
        return 0;
    }
    let scaled = (value - low).checked_mul(Decimal::from(HEAT_BUCKETS)).and_then(|v| v.checked_div(span));
    scaled.and_then(|v| u8::try_from(v.floor()).ok()).unwrap_or(0).min(top)
}

/// Para 5's cell: its on-time rate with a one-quarter delay, when the table has both.
fn para5_cell(spec: &DataTableSpec) -> Option<(usize, usize)> {
    let (rows, columns) = (spec.rows(), spec.columns());
    let rate = snap(Lever::OnTimeRate, Decimal::ONE - para5_late_share());
    let at =
        |axis: &Axis, lever: Lever, value: Decimal| (axis.lever() == lever).then(|| axis.position(value)).flatten();
    let row = at(rows, Lever::OnTimeRate, rate).or_else(|| at(rows, Lever::SlipQuarters, Decimal::ONE))?;
    let column = at(columns, Lever::SlipQuarters, Decimal::ONE).or_else(|| at(columns, Lever::OnTimeRate, rate))?;
    Some((row, column))
}

fn heading(data: &Dataset, lever: Lever, value: Decimal, lang: Lang) -> Heading {
    let printed = Printed::Performance { indicator: Indicator::Schedule, column: Para5Column::RatePct };
    let para5 = snap(Lever::OnTimeRate, Decimal::ONE - para5_late_share());
    match (lever == Lever::OnTimeRate && value == para5, printed.figure(data)) {
        (true, Some(figure)) => Heading { text: figure.text(lang), cited: Some(figure) },
        _ => Heading { text: lever_value(lever, value, lang), cited: None },
    }
}

/// Whose a table's figures are, computed from `base` (the scenario as
/// [`table_scenario`] gives it): the model's, with two levers at each cell's values,
/// while `base` sets no lever; the member's once it does. An audit found the table
/// called the member's scenario with no lever set.
pub fn table_provenance(base: &Scenario) -> Provenance {
    Provenance::worked_out(Basis::TwoLeverTable, *base != Scenario::default())
}

/// The table as far as it is computed from `base`, with `marked` the scenario's own
/// cell.
pub fn table_view(
    data: &Dataset,
    table: &DataTable,
    base: &Scenario,
    marked: Option<(usize, usize)>,
    lang: Lang,
) -> TableView {
    let spec = table.spec();
    let (rows, columns) = (spec.rows(), spec.columns());
    let numbers: Vec<Decimal> = table.readings().map(reading_number).collect();
    let low = numbers.iter().min().copied().unwrap_or_default();
    let high = numbers.iter().max().copied().unwrap_or_default();
    let para5 = para5_cell(spec);
    let mut refusals: Vec<String> = Vec::new();
    let mut legend_spans: Vec<Option<(Reading, Reading)>> = vec![None; usize::from(HEAT_BUCKETS)];
    let mut cells = Vec::with_capacity(rows.values().len());
    for row in 0..rows.values().len() {
        let mut line = Vec::with_capacity(columns.values().len());
        for column in 0..columns.values().len() {
            let mut cell = Cell {
                figure: None,
                text: "…".to_string(),
                bucket: None,
                refusal: None,
                marked: marked == Some((row, column)),
                para5: para5 == Some((row, column)),
            };
            match table.cell(row, column) {
                None => {}
                Some(Ok(reading)) => {
                    let figure = reading_figure(*reading);
                    let bucket = heat_bucket(reading_number(*reading), low, high);
                    if let Some(span) = legend_spans.get_mut(usize::from(bucket)) {
                        *span = Some(match *span {
                            Some((least, most)) => (least.min(*reading), most.max(*reading)),
                            None => (*reading, *reading),
                        });
                    }
                    cell.text = figure.text(lang);
                    cell.figure = Some(figure);
                    cell.bucket = Some(bucket);
                }
                Some(Err(error)) => {
                    let reason = engine_error(error).get(lang).to_string();
                    let number = match refusals.iter().position(|known| *known == reason) {
                        Some(index) => index + 1,
                        None => {
                            refusals.push(reason.clone());
                            refusals.len()
                        }
                    };
                    cell.text = REFUSED_TEXT.to_string();
                    cell.refusal = Some((number, reason));
                }
            }
            line.push(cell);
        }
        cells.push(line);
    }
    let legend = legend_spans
        .into_iter()
        .zip(0..HEAT_BUCKETS)
        .filter_map(|(span, bucket)| {
            let (least, most) = span?;
            let (least, most) = (reading_figure(least).text(lang), reading_figure(most).text(lang));
            let text = if least == most { least } else { format!("{least} – {most}") };
            Some(LegendEntry { bucket, text })
        })
        .collect();
    let (row_lever, column_lever) =
        (lever_label(rows.lever()).get(lang).to_string(), lever_label(columns.lever()).get(lang).to_string());
    let (done, total) = table.progress();
    TableView {
        caption: format!(
            "{}{}{}{}",
            metric_label(spec.metric()).get(lang),
            lang.pick("（", " ("),
            unit(spec.metric()).get(lang),
            lang.pick("）", ")")
        ),
        provenance: table_provenance(base),
        corner: format!("{row_lever} \\ {column_lever}"),
        row_lever,
        column_lever,
        columns: columns.values().iter().map(|value| heading(data, columns.lever(), *value, lang)).collect(),
        rows: rows.values().iter().map(|value| heading(data, rows.lever(), *value, lang)).collect(),
        cells,
        legend,
        refusals,
        marked,
        has_para5_cell: para5.is_some(),
        done: done == total,
    }
}

/// The progress while the table is computed: `12 of 24 cells`.
pub fn progress_text(done: u32, total: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("計算中：{done} / {total} 格"),
        Lang::En => format!("Computing: {done} of {total} cells"),
    }
}

/// The table as CSV (RFC 4180): what it reads and whose the figures are, the two
/// levers, whose a heading the paper prints is (para 5's 67.1%, marked on the
/// screen), then the headings and the cells exactly as shown (without thousands
/// separators, so a spreadsheet reads them as numbers; `—` for a refused cell, with
/// the reasons below).
pub fn csv(view: &TableView, lang: Lang) -> String {
    let plain = |text: &str| text.replace(',', "");
    let mut out = csv_line(&[HEADING.get(lang).to_string()]);
    out.push_str(&view.provenance.csv_line(FIGURE.get(lang), &view.caption, lang));
    out.push_str(&csv_line(&[ROWS.get(lang).to_string(), view.row_lever.clone()]));
    out.push_str(&csv_line(&[COLUMNS.get(lang).to_string(), view.column_lever.clone()]));
    for heading in view.rows.iter().chain(&view.columns) {
        if let Some(figure) = &heading.cited {
            out.push_str(&figure.provenance().csv_line(CITED_HEADING.get(lang), &heading.text, lang));
        }
    }
    let mut head = vec![view.corner.clone()];
    head.extend(view.columns.iter().map(|heading| plain(&heading.text)));
    out.push_str(&csv_line(&head));
    for (heading, cells) in view.rows.iter().zip(&view.cells) {
        let mut line = vec![plain(&heading.text)];
        line.extend(cells.iter().map(|cell| plain(&cell.text)));
        out.push_str(&csv_line(&line));
    }
    for (index, reason) in view.refusals.iter().enumerate() {
        out.push_str(&csv_line(&[format!("{REFUSED_TEXT} {}", index + 1), reason.clone()]));
    }
    out
}

/// The choices of the lever selects and the figure select.
pub fn metric_choices() -> [Metric; 5] {
    [
        Metric::BudgetYearTotal,
        Metric::BudgetYearNew,
        Metric::BeyondBudgetYear,
        Metric::OverCeiling,
        Metric::OngoingBudgetYear,
    ]
}

/// The most values an axis may have and cells a table may have, for the note under
/// the form.
pub fn limits_note(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("每邊最多 {MAX_AXIS_VALUES} 個數值，全表最多 {MAX_CELLS} 格。"),
        Lang::En => format!("At most {MAX_AXIS_VALUES} values a side and {MAX_CELLS} cells a table."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::millions;
    use crate::screens::risk::tests::{engine, paper, project};
    use blockvote_model::engine::{two_way, Slippage};

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn computed(spec: DataTableSpec, scenario: &Scenario) -> DataTable {
        let mut table = DataTable::new(spec);
        let scenario = table_scenario(table.spec(), scenario);
        while table.compute_read_by(&engine(), &scenario, u32::MAX, crate::cash::shown_reading) > 0 {}
        table
    }

    fn spec_of(form: &TableForm) -> DataTableSpec {
        form.spec().unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The form with its row axis set to `from`..`to` by `step` of `lever`: the table's
    /// row headings, or the English refusal at the rows.
    #[track_caller]
    fn check_rows(lever: Lever, from: &str, to: &str, step: &str, expected: &str) {
        let other = if lever == Lever::Retention { Lever::Cap } else { Lever::Retention };
        let form = TableForm {
            preset: None,
            rows: AxisForm { lever, from: d(from), to: d(to), step: d(step) },
            columns: AxisForm::default_for(other),
            metric: Metric::BudgetYearTotal,
        };
        let shown = match form.spec() {
            Ok(spec) => table_view(&paper(), &DataTable::new(spec), &Scenario::default(), None, Lang::En)
                .rows
                .into_iter()
                .map(|h| h.text)
                .collect::<Vec<_>>()
                .join(" "),
            Err(errors) => {
                let parts = errors.rows.as_ref().map(|fault| fault.parts).unwrap_or_default();
                let marked = [(parts.from, " [from]"), (parts.to, " [to]"), (parts.step, " [step]")]
                    .into_iter()
                    .filter_map(|(marked, name)| marked.then_some(name))
                    .collect::<String>();
                let words = errors.rows.map(|fault| fault.words).or(errors.pair);
                format!("rows: {}{marked}", words.map(|e| e.get(Lang::En).to_string()).unwrap_or_default())
            }
        };
        assert_eq!(shown, expected, "{lever:?} {from}..{to} by {step}");
    }

    /// Para 5's preset is the model's two-way table, each cell the 2018-19 total of its
    /// scenario as the Cash flow screen's year table shows it: rounded on its own, two
    /// cells read 0.1 away from it (1,012.8 where the year table reads 1,012.9).
    #[test]
    fn para5_s_preset_is_the_table_the_screen_always_showed() {
        let engine = engine();
        let scenario = Scenario { cost_change_pct: Decimal::new(5, 0), ..Scenario::default() };
        let whole =
            two_way(&engine, &scenario, Lever::OnTimeRate, &para5_rates(), Lever::SlipQuarters, &para5_delays())
                .unwrap_or_else(|error| panic!("{error}"));
        let spec = spec_of(&TableForm::default());
        let table = computed(spec.clone(), &scenario);
        let view = table_view(&paper(), &table, &Scenario::default(), None, Lang::En);
        let as_tabled = |rate: Decimal, delay: Decimal| {
            let mut cell = table_scenario(&spec, &scenario);
            Lever::OnTimeRate.apply(&engine, &mut cell, rate).unwrap_or_else(|e| panic!("{e}"));
            Lever::SlipQuarters.apply(&engine, &mut cell, delay).unwrap_or_else(|e| panic!("{e}"));
            millions(crate::cash::shown_budget_year(&project(&engine, &cell)).total)
        };
        let expected: Vec<Vec<String>> = para5_rates()
            .into_iter()
            .map(|rate| para5_delays().into_iter().map(|delay| as_tabled(rate, delay)).collect())
            .collect();
        // The model's exact figures, rounded on their own, are never more than 0.1 away.
        for (tabled, exact) in expected.iter().flatten().zip(whole.cells.iter().flatten()) {
            let gap = tabled.replace(',', "").parse::<Decimal>().unwrap_or_default() - exact.millions();
            assert!(gap.abs() <= Decimal::new(1, 1), "{tabled} against {exact:?}");
        }
        let shown: Vec<Vec<String>> =
            view.cells.iter().map(|row| row.iter().map(|cell| cell.text.clone()).collect()).collect();
        assert_eq!(shown, expected);
        let headings: Vec<String> = view
            .rows
            .iter()
            .map(|h| match &h.cited {
                Some(figure) => format!("{} [{}]", h.text, figure.provenance().mark(Lang::En)),
                None => h.text.clone(),
            })
            .collect();
        assert_eq!(headings, ["50.0%", "60.0%", "67.1% [para 5]", "80.0%", "90.0%", "100.0%"]);
        assert_eq!(view.columns.first().map(|heading| heading.text.as_str()), Some("1 quarter"));
        let zh: Vec<String> = table_view(&paper(), &table, &Scenario::default(), None, Lang::Zh)
            .columns
            .into_iter()
            .map(|heading| heading.text)
            .collect();
        assert_eq!(zh, ["1 季", "2 季", "3 季", "4 季"]);
        assert_eq!(view.caption, "2018-19 total cash need (HK$M)");
        assert_eq!(view.corner, "On-time rate \\ Quarters late");
        // The para 5 cell, as before, is the third rate with one quarter.
        let para5: Vec<(usize, usize)> =
            (0..6).flat_map(|r| (0..4).map(move |c| (r, c))).filter(|(r, c)| view.cells[*r][*c].para5).collect();
        assert_eq!(para5, [(2, 0)]);
        // The cells replace the scenario's own slippage lever.
        let para5_on = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..scenario.clone() };
        assert_eq!(computed(spec.clone(), &para5_on), table);
        let lever = project(&engine, &para5_on).budget_year_totals.total;
        assert_eq!(view.cells[2][0].text, millions(lever));
        // That scenario's own cell is para 5's; with slippage off, none is.
        assert_eq!(spec.scenario_cell(&engine, &para5_on), Some((2, 0)));
        assert_eq!(spec.scenario_cell(&engine, &scenario), None);
    }

    #[test]
    fn axes_are_snapped_bounded_and_refused_in_words() {
        check_rows(Lever::SlipShare, "0", "0.5", "0.25", "0.0% 25.0% 50.0%");
        check_rows(Lever::CostChangePct, "-10", "10", "10", "-10.0% 0.0% +10.0%");
        check_rows(Lever::SlipQuarters, "0", "2", "1", "0 quarters 1 quarter 2 quarters");
        check_rows(
            Lever::SlipShare,
            "0",
            "1",
            "0.01",
            "rows: Too many values: at most 25 a side; take a larger step or a shorter range [from] [to] [step]",
        );
        check_rows(Lever::SlipShare, "0.5", "0.2", "0.1", "rows: “To” cannot be below “From” [from] [to]");
        check_rows(Lever::SlipShare, "0", "1", "0", "rows: The step must be at least 0.000000000001 [step]");
        check_rows(Lever::SlipShare, "0", "1.5", "0.5", "rows: Values must lie between 0.0% and 100.0% [from] [to]");
        check_rows(
            Lever::Retention,
            "0.5",
            "0.5000000000004",
            "0.0000000000001",
            "rows: The step must be at least 0.000000000001 [step]",
        );
    }

    #[track_caller]
    fn check_step(lever: Lever, input: &str, expected: &str) {
        let spec = step_field(lever);
        let shown = match (spec.read)(input) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {} / {}", error.get(Lang::En), error.get(Lang::Zh)),
        };
        assert_eq!(shown, expected, "{lever:?} {input:?}");
    }

    #[test]
    fn a_hostile_step_is_refused_at_its_field() {
        check_step(Lever::SlipShare, "0.1", "0.1");
        check_step(
            Lever::SlipShare,
            "0",
            "error: The step must be at least 0.000000000001 / 步長須至少為 0.000000000001",
        );
        check_step(
            Lever::SlipShare,
            "-1",
            "error: The step must be at least 0.000000000001 / 步長須至少為 0.000000000001",
        );
        check_step(Lever::SlipShare, "1e9", "error: Write the number out in full, not in scientific notation (1000, not 1e3) / 請寫出完整數字，不用科學記數法（例如 1000，而非 1e3）");
        check_step(Lever::SlipShare, "1000000000", "error: The step can be at most 1 / 步長最多為 1");
        check_step(Lever::SlipShare, "ten", "error: Enter a number / 請輸入數字");
        check_step(Lever::OnTimeRate, "5%", "0.05");
        check_step(Lever::OnTimeRate, "1/10", "0.1");
        check_step(
            Lever::OnTimeRate,
            "200%",
            "error: Must be between 0 and 1 (or 0% and 100%) / 須介乎 0 至 1（或 0% 至 100%）",
        );
        check_step(Lever::SlipQuarters, "0", "error: Must be between 1 and 40 / 須介乎 1 至 40");
        check_step(Lever::SlipQuarters, "1.5", "error: Enter a whole number / 請輸入整數");
        check_step(Lever::Cap, "25", "25");
        let bound = bound_field(Lever::SlipQuarters, FROM);
        assert_eq!(bound.label, FROM);
        assert!((bound.read)("41").is_err());
    }

    #[test]
    fn the_pair_of_levers_is_refused_in_words() {
        let form = TableForm::default();
        let same = TableForm { preset: None, columns: AxisForm::default_for(Lever::OnTimeRate), ..form };
        let pair_error = |form: &TableForm| form.spec().err().and_then(|e| e.pair).map(|e| e.get(Lang::En).to_string());
        assert_eq!(pair_error(&same).as_deref(), Some("Choose two different levers"));
        let twice = TableForm { columns: AxisForm::default_for(Lever::SlipShare), ..same };
        assert!(pair_error(&twice)
            .unwrap_or_default()
            .starts_with("The on-time rate and the share of projects late are one lever"));
        let tall = AxisForm { lever: Lever::CostChangePct, from: d("0"), to: d("24"), step: d("1") };
        let wide = AxisForm { lever: Lever::SlipQuarters, from: d("0"), to: d("16"), step: d("1") };
        // A side's refusal does not hide the pair's.
        let refused_side = TableForm { rows: AxisForm { step: d("0.001"), ..same.rows }, ..same };
        let errors = refused_side.spec().err().unwrap_or_default();
        assert!(errors.rows.is_some() && errors.pair.is_some(), "{errors:?}");
        let large = TableForm { preset: None, rows: tall, columns: wide, metric: Metric::BudgetYearTotal };
        assert_eq!(
            pair_error(&large).as_deref(),
            Some("This table would have 425 cells; at most 400 are allowed: take larger steps or shorter ranges")
        );
    }

    #[test]
    fn every_preset_makes_a_table_and_a_changed_lever_leaves_the_preset() {
        for preset in Preset::ALL {
            assert_eq!(Preset::from_key(preset.key()), Some(preset));
            let spec = spec_of(&preset.form());
            assert!(spec.cell_count() <= 30, "{preset:?}");
            let view =
                table_view(&paper(), &computed(spec, &Scenario::default()), &Scenario::default(), None, Lang::En);
            assert!(view.done && view.refusals.is_empty(), "{preset:?}");
        }
        let changed = Preset::CostByCap.form().with_lever(false, Lever::Retention);
        assert_eq!(changed.preset, None);
        assert_eq!(changed.columns, AxisForm::default_for(Lever::Retention));
        assert_eq!(changed.rows, Preset::CostByCap.form().rows);
    }

    #[track_caller]
    fn check_bucket(value: &str, expected: u8) {
        assert_eq!(heat_bucket(d(value), d("100"), d("200")), expected, "{value}");
    }

    #[test]
    fn heat_buckets_split_the_figures_into_five_bands() {
        check_bucket("100", 0);
        check_bucket("119.99", 0);
        check_bucket("120", 1);
        check_bucket("150", 2);
        check_bucket("199", 4);
        check_bucket("200", 4);
        assert_eq!(heat_bucket(d("5"), d("5"), d("5")), 0, "all equal");
        let spec = spec_of(&Preset::RetentionByCost.form());
        let view = table_view(&paper(), &computed(spec, &Scenario::default()), &Scenario::default(), None, Lang::En);
        let buckets: Vec<u8> = view.legend.iter().map(|entry| entry.bucket).collect();
        assert_eq!(buckets.first(), Some(&0));
        assert_eq!(buckets.last(), Some(&4));
        assert!(view.cells.iter().flatten().all(|cell| cell.bucket.is_some()));
        let lowest = view.cells.iter().flatten().filter(|c| c.bucket == Some(0)).map(|c| c.text.clone()).min();
        assert!(view.legend.first().is_some_and(|entry| entry.text.starts_with(&lowest.unwrap_or_default())));
    }

    #[test]
    fn the_scenario_s_cell_is_marked_and_a_refused_cell_says_why() {
        let engine = engine();
        let spec = spec_of(&Preset::RetentionByCost.form());
        let scenario = Scenario { cost_change_pct: Decimal::TEN, retention: Some(d("0.7")), ..Scenario::default() };
        let marked = spec.scenario_cell(&engine, &scenario);
        assert_eq!(marked, Some((2, 2)));
        let view = table_view(&paper(), &computed(spec, &scenario), &scenario, marked, Lang::En);
        let cells: Vec<(usize, usize)> =
            (0..6).flat_map(|r| (0..4).map(move |c| (r, c))).filter(|(r, c)| view.cells[*r][*c].marked).collect();
        assert_eq!(cells, [(2, 2)]);
        let projected = project(&engine, &scenario).budget_year_totals.new;
        assert_eq!(view.cells[2][2].text, millions(projected));
        // Out-of-range cost change in the scenario: cells that keep it are refused.
        let refused = Scenario { cost_change_pct: Decimal::from(5_000), ..Scenario::default() };
        let spec = spec_of(&Preset::ShareLateByOngoing.form());
        let view = table_view(&paper(), &computed(spec, &refused), &refused, None, Lang::En);
        assert!(view
            .cells
            .iter()
            .flatten()
            .all(|cell| cell.text == "—" && cell.refusal.as_ref().is_some_and(|r| r.0 == 1)));
        assert_eq!(view.refusals.len(), 1, "one reason, said once");
        assert!(view.legend.is_empty());
        let text = csv(&view, Lang::En);
        assert!(text.lines().any(|line| line.starts_with("— 1,")), "{text}");
    }

    #[test]
    fn the_csv_is_the_table_as_shown() {
        let spec = spec_of(&TableForm::default());
        let table = computed(spec, &Scenario::default());
        let view = table_view(&paper(), &table, &Scenario::default(), None, Lang::En);
        let text = csv(&view, Lang::En);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "\"Data table: any two levers, any figure\"");
        // With no lever set the cells are the model's, as the caption's mark says.
        assert_eq!(
            lines[1],
            "Figure,2018-19 total cash need (HK$M),\"model — blockvote's model, calibrated to Annex B: each cell sets two levers to its row's and its column's values, every other lever as in the scenario (the model baseline while none is set); the paper gives no such figures.\""
        );
        let dearer = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        let member_s = csv(
            &table_view(&paper(), &computed(spec_of(&TableForm::default()), &dearer), &dearer, None, Lang::En),
            Lang::En,
        );
        assert!(
            member_s
                .split("\r\n")
                .nth(1)
                .is_some_and(|line| line.starts_with("Figure,2018-19 total cash need (HK$M),scenario — ")),
            "{member_s}"
        );
        assert_eq!(lines[2], "Rows,On-time rate");
        assert_eq!(lines[3], "Columns,Quarters late");
        assert!(lines[4].starts_with("Heading,67.1%,para 5 — "), "{}", lines[4]);
        assert_eq!(lines[5], "On-time rate \\ Quarters late,1 quarter,2 quarters,3 quarters,4 quarters");
        let third: Vec<String> = std::iter::once("67.1%".to_string())
            .chain(view.cells[2].iter().map(|cell| cell.text.replace(',', "")))
            .collect();
        assert_eq!(lines[8], third.join(","));
        assert_eq!(lines.len(), 6 + 6 + 1, "the headings, six rows and the last line end");
        let zh = csv(&table_view(&paper(), &table, &Scenario::default(), None, Lang::Zh), Lang::Zh);
        assert!(zh.starts_with("數據表"), "{zh}");
        assert_eq!(progress_text(3, 24, Lang::En), "Computing: 3 of 24 cells");
    }

    #[test]
    fn the_bold_cell_s_note_cites_para_5_s_rate() {
        let note = |lang| para5_cell_note(&paper(), lang).map(|s| s.read(lang));
        assert_eq!(
            note(Lang::En).as_deref(),
            Some("The cell in bold is para 5's on-time rate (67.1% [para 5]) with a one-quarter delay (blockvote's default).")
        );
        assert_eq!(
            note(Lang::Zh).as_deref(),
            Some("粗體的一格為第 5 段的依期比率（67.1% [第 5 段]）配合延誤 1 季（本工具預設）。")
        );
    }

    /// Para 5's 67.1% is marked wherever it heads a line of the table, a column as
    /// well as a row, and the CSV says whose it is as the screen's mark does.
    #[test]
    fn para5_s_rate_is_cited_as_a_column_heading_too() {
        let rows = Axis::listed(Lever::SlipQuarters, &para5_delays()).unwrap_or_else(|e| panic!("{e:?}"));
        let columns = Axis::listed(Lever::OnTimeRate, &para5_rates()).unwrap_or_else(|e| panic!("{e:?}"));
        let spec = pair(rows, columns, Metric::BudgetYearTotal).unwrap_or_else(|e| panic!("{e:?}"));
        let view = table_view(&paper(), &computed(spec, &Scenario::default()), &Scenario::default(), None, Lang::En);
        let cited: Vec<&str> = view
            .columns
            .iter()
            .filter(|heading| heading.cited.is_some())
            .map(|heading| heading.text.as_str())
            .collect();
        assert_eq!(cited, ["67.1%"]);
        assert!(view.rows.iter().all(|heading| heading.cited.is_none()));
        let text = csv(&view, Lang::En);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[4].starts_with("Heading,67.1%,para 5 — "), "{}", lines[4]);
        assert!(lines[5].starts_with("Quarters late \\ On-time rate,"), "{}", lines[5]);
    }

    #[test]
    fn a_table_replacing_all_slippage_starts_without_the_member_s() {
        let para5 = spec_of(&TableForm::default());
        let other = spec_of(&Preset::ShareLateByOngoing.form());
        let late = Scenario {
            slippage: Slippage { enabled: true, quarters: 3, ..Slippage::default() },
            ..Scenario::default()
        };
        assert_eq!(table_scenario(&para5, &late), Scenario::default());
        assert_eq!(table_scenario(&other, &late), late, "the share late × ongoing table keeps the delay");
    }
}
