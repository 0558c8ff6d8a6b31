//! Performance marks of the start-up. `make bench` (scripts/bench.mjs) reads them, with
//! the loader's own marks (scripts/single-file.mjs), to say where the time to the first
//! view goes; anyone profiling the page sees them in the browser's performance panel.
//! A mark is a timestamp the browser keeps in memory (no network, nothing shown, about
//! a microsecond), so they are always on.

/// The moments of the start-up the app marks, in the order they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartupMark {
    /// The shell is about to read the dataset: what comes before (the panic hook, the
    /// data source and the saved scenarios read from storage) is done.
    DataLoading,
    /// The paper's data parsed from its embedded CSV files (and an imported file, if any).
    DataLoaded,
    /// The engine prepared for the dataset and the baseline projected (`WhatIf::new`).
    EngineBuilt,
    /// `mount_to` returned: the whole first view is in the DOM.
    Mounted,
    /// The first animation frame after the mount began (style, layout and paint follow).
    FirstFrame,
}

impl StartupMark {
    /// The mark's name in `performance.getEntriesByName`, which scripts/bench.mjs uses.
    pub fn name(self) -> &'static str {
        match self {
            StartupMark::DataLoading => "app:data-loading",
            StartupMark::DataLoaded => "app:data-loaded",
            StartupMark::EngineBuilt => "app:engine-built",
            StartupMark::Mounted => "app:mounted",
            StartupMark::FirstFrame => "app:first-frame",
        }
    }
}

/// Records `moment` now. The shell rebuilds its data and engine when the data source
/// changes, which marks them again; the first of each name is the start-up's.
pub fn mark(moment: StartupMark) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        // A mark the browser refuses only leaves a gap in the benchmark's table.
        let _ = performance.mark(moment.name());
    }
}
