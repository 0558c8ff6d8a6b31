//! The notice shown when saving is off or a stored entry could not all be read: what
//! happened, what could not be read, and the unreadable text to download.

use crate::saved::files::download;
use crate::saved::storage::StorageIssue;
use crate::saved::Saved;
use crate::state::use_app_state;
use blockvote_present::screens::scenarios::{
    store_problem, BACKUP_FAILED, CAN_DOWNLOAD, DOWNLOAD_REFUSED, DOWNLOAD_UNREADABLE, MAX_PROBLEMS_LISTED, SAVING_OFF,
    SOME_UNREADABLE,
};
use leptos::prelude::*;

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
            let issue_text = move || {
                issue.get().map(|issue| match issue {
                    StorageIssue::Unavailable | StorageIssue::WriteRefused => SAVING_OFF.get(lang()),
                    StorageIssue::BackupFailed => BACKUP_FAILED.get(lang()),
                })
            };
            let backup_part = move || {
                backup.get().map(|backup| {
                    let problem_items = move || {
                        problems.with(|list| {
                            list.iter()
                                .take(MAX_PROBLEMS_LISTED)
                                .map(|p| view! { <li>{store_problem(p, lang())}</li> })
                                .collect_view()
                        })
                    };
                    let text = backup.text.clone();
                    let save_text = move |_| {
                        download_failed.set(!download("blockvote-scenarios-unreadable.txt", "text/plain;charset=utf-8", &text));
                    };
                    view! {
                        <p>
                            {move || SOME_UNREADABLE.get(lang())}
                            {backup.key.map(|key| view! { " (" <code data-testid="storage-backup-key">{key}</code> ")" })}
                            {move || CAN_DOWNLOAD.get(lang())}
                        </p>
                        <ul class="problems">{problem_items}</ul>
                        <button type="button" data-testid="storage-backup-download" on:click=save_text>
                            {move || DOWNLOAD_UNREADABLE.get(lang())}
                        </button>
                    }
                })
            };
            view! {
                <div class="storage-notice" role="status" data-testid="storage-notice">
                    <p>{issue_text}</p>
                    {backup_part}
                    {move || download_failed.get().then(|| view! {
                        <p class="field-error">{move || DOWNLOAD_REFUSED.get(lang())}</p>
                    })}
                </div>
            }
        })
    }
}
