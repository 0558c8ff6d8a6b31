//! The projects of the band chosen on the histogram, with a link that opens exactly
//! them in the projects table.

use crate::components::memo::memo;
use crate::state::use_app_state;
use blockvote_present::screens::distribution::{chosen_band, Band, BUDGET, DEPARTMENT, EMPTY_BAND, NO, PROJECT_NAME};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ChosenBandPanel(bands: Arc<Vec<Band>>, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let chosen = memo(move |_| selected.get().and_then(|k| bands.get(k)).map(|band| chosen_band(&data, band, lang())));
    move || {
        let band = chosen.get()?;
        let count = band.projects.len();
        let rows = band
            .projects
            .into_iter()
            .map(|p| {
                view! {
                    <tr data-testid=format!("bin-project-{}", p.id)>
                        <td class="num">{p.id}</td>
                        <td>{p.department}</td>
                        <td>{p.name}</td>
                        <td class="num">{p.budget}</td>
                    </tr>
                }
            })
            .collect_view();
        let listed = (count > 0).then(|| {
            view! {
                <p>
                    <a href=band.link data-testid="bin-projects-link">
                        {band.link_text}
                    </a>
                </p>
                // On a phone the table scrolls sideways in its own region, not the page.
                <div class="table-wide" role="region" tabindex="0" aria-label=band.heading.clone()>
                    <table class="data compact">
                        <thead>
                            <tr>
                                <th scope="col" class="num">
                                    {NO.get(lang())}
                                </th>
                                <th scope="col">{DEPARTMENT.get(lang())}</th>
                                <th scope="col">{PROJECT_NAME.get(lang())}</th>
                                <th scope="col" class="num">
                                    {BUDGET.get(lang())}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>
                                <td></td>
                                <th scope="row" colspan="2">
                                    {band.total_label}
                                </th>
                                <td class="num" data-testid="bin-projects-total">
                                    {band.total}
                                </td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            }
        });
        Some(view! {
            <section
                class="panel bin-projects"
                data-testid="bin-projects"
                aria-labelledby="bin-projects-heading"
                tabindex="-1"
            >
                <h3 id="bin-projects-heading">{band.heading}</h3>
                {listed}
                {(count == 0).then(|| view! { <p>{EMPTY_BAND.get(lang())}</p> })}
            </section>
        })
    }
}
