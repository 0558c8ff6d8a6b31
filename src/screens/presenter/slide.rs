//! One slide: the scenario's name, its headline figures beside the paper's, the
//! levers it applies to every project, and its cash by quarter.

use super::deck::DeckEntry;
use crate::charts::bridge::BridgeChart;
use crate::charts::columns::QuarterlyColumns;
use crate::components::each::each_key;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::exports::summarize;
use blockvote_present::bridge::HEADING as BRIDGE_HEADING;
use blockvote_present::cash::quarter_chart;
use blockvote_present::compare::Compared;
use blockvote_present::lang::Lang;
use blockvote_present::provenance::Figure;
use blockvote_present::screens::presenter::{slide, Card, CHANGE_NOTE, CHART_HEADING, PAPER_PREFIX};
use leptos::prelude::*;

#[component]
pub fn SlideView(entry: DeckEntry, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let baseline = whatif.baseline.get_value();
    let key = entry.key.clone();
    let chart_id = format!("presenter-chart-{key}-{}", lang.get_untracked().code());
    let bridge_id = format!("presenter-bridge-{key}-{}", lang.get_untracked().code());
    let bridged = Signal::stored(entry.scenario.clone());
    // The scenario is projected once per slide; the figures follow the language.
    let projection = whatif.engine.with_value(|engine| match engine {
        Ok(engine) => engine.project(&entry.scenario),
        Err(error) => Err(error.clone()),
    });
    let compared = Compared {
        name: entry.name.clone(),
        scenario: entry.scenario.clone(),
        summary: projection.as_ref().map(summarize).map_err(Clone::clone),
    };
    let shown = memo(move |_| {
        let baseline = baseline.as_ref()?;
        let lang = lang.get();
        let slide = slide(&data, &summarize(baseline), &compared, &entry.source, lang);
        let chart = projection.as_ref().ok().map(|p| quarter_chart(p, baseline, lang));
        Some((slide, chart))
    });
    let part = move |pick: fn(&blockvote_present::screens::presenter::Slide) -> String| {
        move || shown.with(|s| s.as_ref().map(|(slide, _)| pick(slide)).unwrap_or_default())
    };
    let cards = move || shown.with(|s| s.as_ref().map(|(slide, _)| slide.cards.clone()).unwrap_or_default());
    let levers = move || shown.with(|s| s.as_ref().map(|(slide, _)| slide.levers.clone()).unwrap_or_default());
    let problem = move || shown.with(|s| s.as_ref().and_then(|(slide, _)| slide.problem.clone()));
    let chart = move |pick: fn(&blockvote_present::cash::QuarterChart) -> String| {
        Signal::derive(move || shown.with(|s| s.as_ref().and_then(|(_, c)| c.as_ref().map(pick))).unwrap_or_default())
    };
    let has_chart = move || shown.with(|s| s.as_ref().is_some_and(|(_, c)| c.is_some()));
    view! {
        <article
            class="presenter-slide"
            lang=move || lang.get().html_tag()
            data-testid="presenter-slide"
            data-slide=key.clone()
        >
            <header class="slide-head">
                <h3 data-testid="presenter-title">{part(|s| s.title.clone())}</h3>
                <p class="slide-subtitle">{part(|s| s.subtitle.clone())}</p>
            </header>
            {move || {
                problem()
                    .map(|p| {
                        view! {
                            <p class="field-error" role="alert">
                                {p}
                            </p>
                        }
                    })
            }}
            <ul class="slide-cards">
                {each_key(cards, move |card| view! { <CardView card=card lang=lang /> }.into_any())}
            </ul>
            <p class="note">{move || CHANGE_NOTE.get(lang.get())}</p>
            <ul class="slide-levers" data-testid="presenter-levers">
                {move || levers().into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
            </ul>
            <h4>{move || BRIDGE_HEADING.get(lang.get())}</h4>
            <BridgeChart id=bridge_id scenario=bridged testid="presenter-bridge" lang=lang />
            <Show when=has_chart>
                <h4>{move || CHART_HEADING.get(lang.get())}</h4>
                <QuarterlyColumns
                    id=chart_id.clone()
                    title=chart(|c| c.title.clone())
                    description=chart(|c| c.description.clone())
                    quarters=Signal::derive(move || {
                        shown
                            .with(|s| s.as_ref().and_then(|(_, c)| c.as_ref().map(|c| c.quarters.clone())))
                            .unwrap_or_default()
                    })
                    segment_names=Signal::derive(move || {
                        shown
                            .with(|s| s.as_ref().and_then(|(_, c)| c.as_ref().map(|c| c.segment_names.clone())))
                            .unwrap_or_default()
                    })
                    column_names=Signal::derive(move || {
                        shown
                            .with(|s| s.as_ref().and_then(|(_, c)| c.as_ref().map(|c| c.column_names.clone())))
                            .unwrap_or_default()
                    })
                    range_name=Signal::derive(|| None::<String>)
                />
            </Show>
        </article>
    }
}

/// One headline figure: the scenario's in large type, the paper's and the change below.
#[component]
fn CardView(card: Card, lang: Signal<Lang>) -> impl IntoView {
    let text = move |figure: &Option<Figure>| figure.as_ref().map(|f| f.text(lang.get()));
    let Card { key, label, scenario, paper, change, direction } = card;
    let scenario_mark = scenario.as_ref().map(|f| f.provenance().clone());
    let paper_mark = paper.as_ref().map(|f| f.provenance().clone());
    let (scenario_text, paper_text, change_text) = (scenario.clone(), paper.clone(), change.clone());
    view! {
        <li class="slide-card" data-testid=format!("presenter-card-{key}")>
            <span class="card-label">{label}</span>
            <span class="card-value">
                <span class=direction.class() data-testid=format!("presenter-value-{key}")>
                    {move || text(&scenario_text).unwrap_or_else(|| "—".to_string())}
                </span>
                {scenario_mark.map(|p| view! { <ProvenanceMark provenance=p lang=lang /> })}
            </span>
            {move || text(&change_text).map(|c| view! { <span class="card-change">"(" {c} ")"</span> })}
            {paper_mark
                .map(|p| {
                    let paper_text = paper_text.clone();
                    view! {
                        <span class="card-paper">
                            {move || PAPER_PREFIX.get(lang.get())} {move || text(&paper_text).unwrap_or_default()}
                            <ProvenanceMark provenance=p lang=lang />
                        </span>
                    }
                })}
        </li>
    }
}
