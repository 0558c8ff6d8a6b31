//! The spend-profile panel: the profile select, the profile's rule, and what the
//! calibration means with the profiles' 2018-19 figures beside Annex B's.

use crate::components::marks::{FigureText, ProvenanceMark};
use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Profile;
use blockvote_present::screens::cashflow::profile::{calibration, options, COMPARE_CAPTION, HEADING, SELECT_LABEL};
use blockvote_present::words::profile_rule;
use leptos::prelude::*;

#[component]
pub fn ProfilePanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let current = move || whatif.scenario.with(|s| s.default_profile);
    let shown =
        memo(move |_| whatif.projection.with(|p| p.as_ref().map(|p| calibration(&p.calibration, &data, lang()))));
    view! {
        <div class="panel" data-testid="profile-panel">
            <h3>
                <Words label=HEADING />
            </h3>
            <div class="inline-fields">
                <label class="field">
                    <span>
                        <Words label=SELECT_LABEL />
                    </span>
                    <select
                        data-testid="profile-select"
                        on:change=move |ev| {
                            if let Some(profile) = Profile::from_key(&event_target_value(&ev)) {
                                whatif.update(|s| s.default_profile = profile);
                            }
                        }
                    >
                        {options()
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.key selected=move || current() == option.profile>
                                        <Words label=option.label />
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="note" data-testid="profile-rule">
                {move || profile_rule(current()).get(lang())}
            </p>
            {move || {
                shown
                    .get()
                    .map(|calibration| {
                        view! {
                            <div class="calibration" data-testid="calibration">
                                <p>{calibration.sentence} " " <ProvenanceMark provenance=calibration.provenance /></p>
                                <table class="data compact profile-compare">
                                    <caption>{COMPARE_CAPTION.get(lang())}</caption>
                                    <tbody>
                                        {calibration
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{kept_whole(&row.label)}</th>
                                                        <td class="num">
                                                            <FigureText
                                                                figure=row.figure
                                                                testid=format!("profile-{}", row.key)
                                                            />
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
