//! The notice shown when saving is off or a stored entry could not all be read: what
//! happened, what could not be read, and the unreadable text to download (and import
//! again).

use crate::components::words::Words;
use crate::saved::files::download;
use crate::saved::Saved;
use crate::state::use_app_state;
use blockvote_present::storage::{
    more_problems, problem, storage_issue, DOWNLOAD_REFUSED, DOWNLOAD_UNREADABLE, MAX_PROBLEMS_LISTED,
    SCENARIOS_LEFT_AS_THEY_WERE, SCENARIOS_SET_ASIDE, SET_ASIDE_UNDER,
};
use leptos::prelude::*;

/// The name of the unreadable text when downloaded.
const UNREADABLE_FILE: &str = "blockvote-scenarios-unreadable.txt";

#[component]
pub fn StorageNotice(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let issue = RwSignal::from(saved.with_value(|s| s.issue.clone()));
    let problems = RwSignal::from(saved.with_value(|s| s.problems.clone()));
    let backup = RwSignal::from(saved.with_value(|s| s.backup.clone()));
    let download_failed = RwSignal::new(false);
    let shown = move || issue.with(Option::is_some) || backup.with(Option::is_some);
    move || {
        shown().then(|| {
            let issue_text = move || issue.get().map(|issue| storage_issue(issue).get(lang()));
            let backup_part = move || {
                backup.get().map(|backup| {
                    let problem_items = move || {
                        problems.with(|list| {
                            let more = list.len().saturating_sub(MAX_PROBLEMS_LISTED);
                            let items = list
                                .iter()
                                .take(MAX_PROBLEMS_LISTED)
                                .map(|p| view! { <li>{problem(p).get(lang()).to_string()}</li> })
                                .collect_view();
                            let rest =
                                (more > 0).then(|| view! { <li>{more_problems(more).get(lang()).to_string()}</li> });
                            (items, rest)
                        })
                    };
                    let key = backup.key.clone();
                    let text = backup.text.clone();
                    let save_text =
                        move |_| download_failed.set(!download(UNREADABLE_FILE, "text/plain;charset=utf-8", &text));
                    // Said as it happened: set aside under a key, or left where it was.
                    let what_became = if key.is_some() { SCENARIOS_SET_ASIDE } else { SCENARIOS_LEFT_AS_THEY_WERE };
                    view! {
                        <p data-testid="storage-backup-said">
                            <Words label=what_became />
                        </p>
                        {key
                            .map(|key| {
                                view! {
                                    <p class="note">
                                        <Words label=SET_ASIDE_UNDER />
                                        <code data-testid="storage-backup-key">{key}</code>
                                    </p>
                                }
                            })}
                        <ul class="problems">{problem_items}</ul>
                        <button type="button" data-testid="storage-backup-download" on:click=save_text>
                            <Words label=DOWNLOAD_UNREADABLE />
                        </button>
                    }
                })
            };
            view! {
                <div class="storage-notice" role="status" data-testid="storage-notice">
                    <p>{issue_text}</p>
                    {backup_part}
                    {move || {
                        download_failed
                            .get()
                            .then(|| {
                                view! {
                                    <p class="field-error">
                                        <Words label=DOWNLOAD_REFUSED />
                                    </p>
                                }
                            })
                    }}
                </div>
            }
        })
    }
}
