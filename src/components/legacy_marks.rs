//! The old source and "derived" tags, which take a free string. They are being
//! replaced screen by screen with `marks::ProvenanceMark`, which takes a figure's
//! provenance from the presentation layer; this module goes when the last use does.

use crate::state::use_app_state;
use blockvote_present::lang::{l, Lang};
use leptos::prelude::*;

/// A source tag, e.g. `para 6` → 「第 6 段」 in Chinese.
fn source_label(source: &str, lang: Lang) -> String {
    match lang {
        Lang::En => source.to_string(),
        Lang::Zh => {
            if let Some(number) = source.strip_prefix("para ") {
                format!("第 {number} 段")
            } else if let Some(letter) = source.strip_prefix("Annex ") {
                format!("附件 {letter}")
            } else if source == "cover" {
                "封面".to_string()
            } else {
                source.to_string()
            }
        }
    }
}

/// The small citation shown after a figure taken from the paper.
#[component]
pub fn Source(#[prop(into)] source: String) -> impl IntoView {
    let state = use_app_state();
    let text = source.clone();
    view! {
        <cite class="source" title=move || l("資料來源", "Source").get(state.lang.get()).to_string()>
            {move || source_label(&text, state.lang.get())}
        </cite>
    }
}

/// The tag on a figure blockvote derived rather than read from the paper.
#[component]
pub fn Derived(#[prop(into)] how: Signal<String>) -> impl IntoView {
    let state = use_app_state();
    view! {
        <cite class="source derived" title=move || how.get()>
            {move || l("推算", "derived").get(state.lang.get())}
        </cite>
    }
}
