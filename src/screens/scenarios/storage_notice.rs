//! The notice shown when saving is off, a stored entry could not all be read, or text
//! is set aside in this browser: what happened, what could not be read, and every text
//! set aside, each to download (and import again) and, once downloaded, to remove.

use crate::components::focus::{by_test_id, focus_after_render, focus_screen_if_focus_went};
use crate::components::memo::memo;
use crate::components::words::{Said, Words};
use crate::data_source::download_set_aside_dataset;
use crate::saved::files::download;
use crate::saved::storage::{set_aside_text, NotRemoved};
use crate::saved::Saved;
use crate::state::use_app_state;
use blockvote_model::saved::{SetAsideKey, SetAsideKind};
use blockvote_present::lang::Label;
use blockvote_present::storage::{
    more_problems, problem, set_aside_kind, set_aside_said, storage_issue, CONFIRM_REMOVE_SET_ASIDE,
    CONFIRM_REMOVE_UNREADABLE, DOWNLOAD_REFUSED, DOWNLOAD_SET_ASIDE, DOWNLOAD_UNREADABLE, KEEP_SET_ASIDE,
    MAX_PROBLEMS_LISTED, REMOVE_SET_ASIDE, SCENARIOS_LEFT_AS_THEY_WERE, SCENARIOS_NO_LONGER_STORED,
    SCENARIOS_SET_ASIDE, SET_ASIDE_CHANGED, SET_ASIDE_DOWNLOADED, SET_ASIDE_NOT_REMOVED, SET_ASIDE_UNDER, YES_REMOVE,
};
use leptos::prelude::*;

/// The name of saved scenarios' text when downloaded (place `slot` of those set aside,
/// or the text found in this visit): `.json`, so the Scenarios screen's Import, which
/// asks for JSON files, takes it again.
fn scenarios_file(slot: Option<usize>) -> String {
    match slot {
        None | Some(1) => "blockvote-scenarios-unreadable.json".to_string(),
        Some(slot) => format!("blockvote-scenarios-unreadable-{slot}.json"),
    }
}

const SCENARIOS_MIME: &str = "application/json;charset=utf-8";

#[component]
pub fn StorageNotice(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let issue = RwSignal::from(saved.with_value(|s| s.issue.clone()));
    let problems = RwSignal::from(saved.with_value(|s| s.problems.clone()));
    let backup = RwSignal::from(saved.with_value(|s| s.backup.clone()));
    let set_aside = RwSignal::from(saved.with_value(|s| s.set_aside.clone()));
    let download_failed = RwSignal::new(false);
    // The unreadable text left where it was: whether the member downloaded it in this
    // visit, is being asked whether to remove it, and the answer to a removal that did
    // not happen.
    let unreadable_downloaded = RwSignal::new(false);
    let asking_unreadable = RwSignal::new(false);
    let unreadable_answer: RwSignal<Option<Label>> = RwSignal::new(None);
    // A memo, so the notice (and what was downloaded in it) is drawn again only when it
    // appears or goes, not at every write that sets these signals to what they held.
    let shown = memo(move |_| {
        issue.with(Option::is_some) || backup.with(Option::is_some) || set_aside.with(|list| !list.is_empty())
    });
    move || {
        shown.get().then(|| {
            let issue_text = move || issue.get().map(|issue| storage_issue(issue).get(lang()).to_string());
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
                    // Text left where it was (saving is off while it stands there) can
                    // be removed from the browser once downloaded, as text set aside can.
                    let removable = key.is_none() && !backup.no_longer_stored;
                    let save_text = {
                        let text = text.clone();
                        move |_| {
                            let offered = download(&scenarios_file(None), SCENARIOS_MIME, &text);
                            download_failed.set(!offered);
                            if offered {
                                unreadable_downloaded.set(true);
                                unreadable_answer.set(None);
                            }
                        }
                    };
                    let remove = Callback::new(move |()| {
                        asking_unreadable.set(false);
                        unreadable_downloaded.set(false);
                        match saved.with_value(|s| s.remove_unreadable(&text)) {
                            Ok(()) => {
                                unreadable_answer.set(None);
                                focus_screen_if_focus_went();
                            }
                            Err(not_removed) => {
                                unreadable_answer.set(Some(match not_removed {
                                    NotRemoved::Changed => SET_ASIDE_CHANGED,
                                    NotRemoved::Refused => SET_ASIDE_NOT_REMOVED,
                                }));
                                focus_after_render(by_test_id("storage-backup-answer"));
                            }
                        }
                    });
                    let keep = Callback::new(move |()| {
                        asking_unreadable.set(false);
                        focus_after_render(by_test_id("storage-backup-remove"));
                    });
                    let ask = Callback::new(move |()| {
                        asking_unreadable.set(true);
                        focus_after_render(by_test_id("storage-backup-keep"));
                    });
                    let removal = move || {
                        (removable && unreadable_downloaded.get()).then(|| {
                            view! {
                                <RemoveOnceDownloaded
                                    question=CONFIRM_REMOVE_UNREADABLE
                                    testids="storage-backup"
                                    asking=asking_unreadable
                                    ask=ask
                                    remove=remove
                                    keep=keep
                                />
                            }
                        })
                    };
                    let answer = move || {
                        unreadable_answer.get().map(|said| {
                            view! {
                                <p class="field-error" tabindex="-1" data-testid="storage-backup-answer">
                                    <Words label=said />
                                </p>
                            }
                        })
                    };
                    // Said as it happened: set aside under a key, or left where it was.
                    let what_became = match (&key, backup.no_longer_stored) {
                        (Some(_), _) => SCENARIOS_SET_ASIDE,
                        (None, false) => SCENARIOS_LEFT_AS_THEY_WERE,
                        (None, true) => SCENARIOS_NO_LONGER_STORED,
                    };
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
                        <p>
                            <button type="button" data-testid="storage-backup-download" on:click=save_text>
                                <Words label=DOWNLOAD_UNREADABLE />
                            </button>
                            {removal}
                        </p>
                        {answer}
                    }
                })
            };
            view! {
                <div class="storage-notice" role="status" data-testid="storage-notice">
                    <p>{issue_text}</p>
                    {backup_part}
                    <SetAsideList saved=saved download_failed=download_failed />
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

/// Every text set aside in this browser, from this visit or an earlier one: how many
/// and of which kind, each to download, and — only once downloaded in this visit, and
/// after asking — to remove. Only the exact text downloaded is removed.
#[component]
fn SetAsideList(saved: StoredValue<Saved>, download_failed: RwSignal<bool>) -> impl IntoView {
    let list = RwSignal::from(saved.with_value(|s| s.set_aside.clone()));
    // The texts downloaded in this visit, by key.
    let downloaded: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    // The key whose removal is being asked about.
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    // The last answer to a removal that did not happen, by key.
    let answer: RwSignal<Option<(String, Label)>> = RwSignal::new(None);
    let forget = move |key: &str| downloaded.update(|kept| kept.retain(|(k, _)| k != key));
    let item = move |entry: SetAsideKey| {
        let SetAsideKey { kind, key, slot } = entry;
        let on_download = {
            let key = key.clone();
            move |_| {
                let Some(text) = set_aside_text(&key) else {
                    // Gone meanwhile (removed in another tab): the list is read again.
                    saved.with_value(Saved::list_set_aside);
                    return;
                };
                let offered = match kind {
                    SetAsideKind::Scenarios => download(&scenarios_file(Some(slot)), SCENARIOS_MIME, &text),
                    SetAsideKind::Dataset => download_set_aside_dataset(&text),
                };
                download_failed.set(!offered);
                if offered {
                    forget(&key);
                    downloaded.update(|kept| kept.push((key.clone(), text)));
                    answer.set(None);
                }
            }
        };
        let is_downloaded = {
            let key = key.clone();
            move || downloaded.with(|kept| kept.iter().any(|(k, _)| *k == key))
        };
        let asking = {
            let key = key.clone();
            move || confirming.with(|asked| asked.as_deref() == Some(key.as_str()))
        };
        // The question takes focus on its answer that changes nothing, as the other
        // confirmations do; Keep or Escape puts it back on the button that asked, and
        // a removal on what follows (the next text set aside, or the answer).
        let control = {
            let item = format!("li[data-key=\"{}\"]", key.replace('\\', "\\\\").replace('"', "\\\""));
            move |testid: &str| format!("{item} {}", by_test_id(testid))
        };
        let ask = {
            let (key, control) = (key.clone(), control.clone());
            move |()| {
                confirming.set(Some(key.clone()));
                focus_after_render(control("storage-set-aside-keep"));
            }
        };
        let keep = {
            let control = control.clone();
            move || {
                confirming.set(None);
                focus_after_render(control("storage-set-aside-remove"));
            }
        };
        let remove = {
            let (key, control) = (key.clone(), control.clone());
            move |()| {
                confirming.set(None);
                focus_after_render(format!(
                    "{}, {}",
                    control("storage-set-aside-answer"),
                    by_test_id("storage-set-aside-download")
                ));
                let Some(text) = downloaded.with(|kept| kept.iter().find(|(k, _)| *k == key).map(|(_, t)| t.clone()))
                else {
                    return;
                };
                let removed = saved.with_value(|s| s.remove_set_aside(&key, &text));
                forget(&key);
                match removed {
                    Ok(()) => answer.set(None),
                    Err(NotRemoved::Changed) => answer.set(Some((key.clone(), SET_ASIDE_CHANGED))),
                    Err(NotRemoved::Refused) => answer.set(Some((key.clone(), SET_ASIDE_NOT_REMOVED))),
                }
            }
        };
        let said = {
            let key = key.clone();
            move || {
                answer.with(|answer| answer.as_ref().filter(|(k, _)| *k == key).map(|(_, said)| *said)).map(|said| {
                    view! {
                        <p class="field-error" tabindex="-1" data-testid="storage-set-aside-answer">
                            <Words label=said />
                        </p>
                    }
                })
            }
        };
        let (ask, remove, keep) = (Callback::new(ask), Callback::new(remove), Callback::new(move |()| keep()));
        let asking = Signal::derive(asking);
        let removal = move || {
            is_downloaded().then(|| {
                view! {
                    <RemoveOnceDownloaded
                        question=CONFIRM_REMOVE_SET_ASIDE
                        testids="storage-set-aside"
                        asking=asking
                        ask=ask
                        remove=remove
                        keep=keep
                    />
                }
            })
        };
        let shown_key = key.clone();
        view! {
            <li data-testid="storage-set-aside-item" data-key=key>
                <Words label=set_aside_kind(kind) />
                ": "
                <code data-testid="storage-set-aside-key">{shown_key}</code>
                " "
                <button type="button" class="small" data-testid="storage-set-aside-download" on:click=on_download>
                    <Words label=DOWNLOAD_SET_ASIDE />
                </button>
                {removal}
                {said}
            </li>
        }
    };
    move || {
        let entries = list.get();
        let scenarios = entries.iter().filter(|e| e.kind == SetAsideKind::Scenarios).count();
        let said = set_aside_said(scenarios, entries.len() - scenarios)?;
        Some(view! {
            <div class="set-aside" data-testid="storage-set-aside">
                <p data-testid="storage-set-aside-said">
                    <Said text=said />
                </p>
                <ul>{entries.into_iter().map(item).collect_view()}</ul>
            </div>
        })
    }
}

/// A text the member downloaded in this visit, to remove from this browser: says it was
/// downloaded and offers Remove, which asks `question` first (`asking`), with Remove
/// and Keep (Escape keeps too); the test ids begin with `testids`.
#[component]
fn RemoveOnceDownloaded(
    question: Label,
    testids: &'static str,
    #[prop(into)] asking: Signal<bool>,
    ask: Callback<()>,
    remove: Callback<()>,
    keep: Callback<()>,
) -> impl IntoView {
    let offer = move || {
        (!asking.get())
            .then(|| view! { <SmallButton testid=format!("{testids}-remove") label=REMOVE_SET_ASIDE press=ask /> })
    };
    let confirm = move || asking.get().then(|| view! { <ConfirmRemoval question testids remove keep /> });
    view! {
        " "
        <span data-testid=format!("{testids}-downloaded")>
            <Words label=SET_ASIDE_DOWNLOADED />
        </span>
        " "
        {offer}
        {confirm}
    }
}

/// The question before a removal: `question`, then Remove and Keep.
#[component]
fn ConfirmRemoval(question: Label, testids: &'static str, remove: Callback<()>, keep: Callback<()>) -> impl IntoView {
    view! {
        <span
            class="confirm"
            data-testid=format!("{testids}-confirming")
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    keep.run(());
                }
            }
        >
            <Words label=question />
            " "
            <SmallButton testid=format!("{testids}-confirm") label=YES_REMOVE press=remove />
            " "
            <SmallButton testid=format!("{testids}-keep") label=KEEP_SET_ASIDE press=keep />
        </span>
    }
}

/// A small button saying `label`, which runs `press`.
#[component]
fn SmallButton(testid: String, label: Label, press: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="small" data-testid=testid on:click=move |_| press.run(())>
            <Words label=label />
        </button>
    }
}
