//! Two entry points over the same timings in `lib.rs`: in the browser (wasm32) the
//! report is written into the page's `<pre id="result">` for scripts/bench.mjs to read;
//! natively it is printed on standard output for `make bench` to save.

#[cfg(target_arch = "wasm32")]
fn main() {
    let Some(window) = web_sys::window() else { return };
    let Some(result) = window.document().and_then(|document| document.get_element_by_id("result")) else {
        return;
    };
    let outcome = match window.performance() {
        Some(performance) => blockvote_wasm_timing::run(&move || performance.now()),
        None => Err("this browser has no performance.now()".to_string()),
    };
    let (state, text) = match outcome {
        Ok(report) => ("done", report.to_string()),
        Err(problem) => ("failed", problem),
    };
    result.set_text_content(Some(&text));
    // The state is set last: scripts/bench.mjs waits for it and then reads the text.
    // Should setting it fail, the script's wait times out and says so, which is all
    // that could be done here too.
    let _ = result.set_attribute("data-state", state);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let origin = std::time::Instant::now();
    match blockvote_wasm_timing::run(&move || origin.elapsed().as_secs_f64() * 1_000.0) {
        Ok(report) => {
            println!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("wasm-timing: {problem}");
            std::process::ExitCode::FAILURE
        }
    }
}
