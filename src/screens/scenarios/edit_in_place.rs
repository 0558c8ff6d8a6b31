//! Editing a saved scenario's name or note in its row. One edit at a time across the
//! list ([`Editing`], shared by the rows); what the store refuses (a name or note too
//! long, a scenario another tab deleted) is said at the field, and the text stays to
//! be corrected.

use crate::components::focus::{by_test_id, focus_after_render, keep_focus_after_render};
use crate::components::words::Words;
use crate::saved::Saved;
use crate::state::use_app_state;
use blockvote_model::saved::{Refusal, SavedScenario, Store};
use blockvote_present::screens::scenarios::{CANCEL, FINISH_OPEN_EDIT, NEW_NAME, OK};
use blockvote_present::storage::{refusal, NOTE, SAVE_NOTE};
use leptos::prelude::*;

/// What of a saved scenario is edited in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Note,
}

/// The edit in progress.
#[derive(Clone, Copy)]
pub struct Editing {
    /// The id and the field being edited.
    target: RwSignal<Option<(String, Field)>>,
    text: RwSignal<String>,
    /// Why the store refused the last try.
    refused: RwSignal<Option<Refusal>>,
    /// The version of the scenario the edit opened on: what is typed is a change to
    /// what the member saw, so another tab's change heard meanwhile is never replaced
    /// unseen, and a scenario another tab deleted meanwhile can be put back with it.
    began_on: StoredValue<Option<SavedScenario>>,
    /// The text the edit started from: an edit whose text differs holds typing that
    /// another edit must not drop.
    started_with: StoredValue<String>,
    /// Another edit was asked for while this one held changed text; said at the field.
    held: RwSignal<bool>,
    /// The scenario whose last edit was kept on this page but not stored (the browser's
    /// storage is full or refused): said in its row, where the edit was made, until
    /// another edit starts or a later write stores it.
    kept_here_only: RwSignal<Option<String>>,
}

/// The open editor's field: only one edit is open at a time, and its row number (which
/// the test ids carry) is not known where an edit starts.
const EDITOR: &str = ".scenarios .rename input, .scenarios .note-editor textarea";

impl Editing {
    pub fn new() -> Editing {
        Editing {
            target: RwSignal::new(None),
            text: RwSignal::new(String::new()),
            refused: RwSignal::new(None),
            began_on: StoredValue::new(None),
            started_with: StoredValue::new(String::new()),
            held: RwSignal::new(false),
            kept_here_only: RwSignal::new(None),
        }
    }

    /// Whether `field` of scenario `id` is being edited (tracked).
    pub fn edits(&self, id: &str, field: Field) -> bool {
        self.target.with(|t| t.as_ref().is_some_and(|(i, f)| i == id && *f == field))
    }

    /// Starts editing `field` of scenario `id`, from `text`, as saved in `began_on`;
    /// another edit open ends, unless its text was changed: then that edit stays open
    /// and says to keep or cancel it first (and takes focus), so typing is never
    /// dropped without a word.
    pub fn start(&self, id: String, field: Field, text: String, began_on: Option<SavedScenario>) {
        let other_open = self.target.with_untracked(|t| t.as_ref().is_some_and(|(i, f)| *i != id || *f != field));
        if other_open && self.text.with_untracked(|typed| self.started_with.with_value(|start| typed != start)) {
            self.held.set(true);
            focus_after_render(EDITOR.to_string());
            return;
        }
        self.began_on.set_value(began_on);
        self.started_with.set_value(text.clone());
        self.text.set(text);
        self.refused.set(None);
        self.held.set(false);
        self.kept_here_only.set(None);
        self.target.set(Some((id, field)));
        // Typing goes straight into the editor just opened (one is open at a time).
        focus_after_render(EDITOR.to_string());
    }

    /// Whether an edit is open.
    pub fn is_open(&self) -> bool {
        self.target.with_untracked(Option::is_some)
    }

    /// The version of the scenario the edit opened on.
    pub fn began_on(&self) -> Option<SavedScenario> {
        self.began_on.get_value()
    }

    /// The field being edited of a scenario the list no longer has (another tab
    /// deleted it while it was being edited here), tracked.
    pub fn orphaned(&self, store: &Store) -> Option<Field> {
        self.target.with(|t| t.as_ref().and_then(|(id, field)| store.by_id(id).is_none().then_some(*field)))
    }

    /// Puts the focus back in the open editor, after its text, if the focus was lost:
    /// the editor moved (its row was deleted by another tab and it now stands above the
    /// list), and what the member types next belongs in it.
    pub fn keep_typing(&self) {
        keep_focus_after_render(EDITOR.to_string());
    }

    /// The text as edited.
    pub fn text(&self) -> String {
        self.text.get_untracked()
    }

    /// Makes the edit through `change` on the saved scenarios, and takes their answer:
    /// kept (the editor closes, and a change the browser did not store is said in its
    /// row) or refused (it stays, saying why).
    pub fn commit(&self, saved: StoredValue<Saved>, change: impl FnOnce(&Saved) -> Result<(), Refusal>) {
        let (outcome, stored) = saved.with_value(|s| {
            let outcome = change(s);
            (outcome, s.is_stored())
        });
        match outcome {
            Ok(()) => {
                let edited = self.target.with_untracked(|t| t.as_ref().map(|(id, _)| id.clone()));
                self.stop();
                if !stored {
                    self.kept_here_only.set(edited);
                }
            }
            Err(why) => self.refused.set(Some(why)),
        }
    }

    /// Says in the row of scenario `id` that its last change (a copy just made) was kept
    /// on this page only, as a kept edit is.
    pub fn kept_on_this_page_only(&self, id: String) {
        self.kept_here_only.set(Some(id));
    }

    /// Whether the last edit, of scenario `id`, was kept on this page only (tracked).
    pub fn kept_here_only(&self, id: &str) -> bool {
        self.kept_here_only.with(|kept| kept.as_deref() == Some(id))
    }

    /// Ends the edit of scenario `id`, if one is open.
    pub fn stop_on(&self, id: &str) {
        if self.target.with_untracked(|t| t.as_ref().is_some_and(|(i, _)| i == id)) {
            self.stop();
        }
    }

    pub fn stop(&self) {
        self.held.set(false);
        self.refused.set(None);
        self.target.set(None);
    }
}

/// The editor of `field` in row `n`: a one-line field for a name (Enter keeps it), a
/// text box for a note; Escape or Cancel leaves it unchanged.
#[component]
pub fn Editor(field: Field, #[prop(into)] n: Signal<usize>, editing: Editing, commit: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let testid = move |what: &str| format!("scenario-{what}-{}", n.get());
    let invalid = move || editing.refused.with(Option::is_some).to_string();
    // The field points to its message while there is one, so a screen reader reads it
    // with the field.
    let described_by = move || editing.refused.with(Option::is_some).then(|| testid("edit-error"));
    let held = move || {
        editing.held.get().then(|| {
            view! {
                <span class="field-error" role="alert" data-testid=move || testid("edit-held")>
                    <Words label=FINISH_OPEN_EDIT />
                </span>
            }
        })
    };
    let refused = move || {
        editing.refused.with(|r| r.as_ref().map(|r| refusal(r).get(lang()).to_string())).map(|text| {
            view! {
                <span
                    class="field-error"
                    role="alert"
                    id=move || testid("edit-error")
                    data-testid=move || testid("edit-error")
                >
                    {text}
                </span>
            }
        })
    };
    // An edit kept or cancelled gives focus back to the button that opened it, where it
    // went to <body> with the editor.
    let opener = match field {
        Field::Name => "rename",
        Field::Note => "note-edit",
    };
    let back_to_opener = move || focus_after_render(by_test_id(&format!("scenario-{opener}-{}", n.get_untracked())));
    let keep = move || {
        commit.run(());
        if !editing.is_open() {
            back_to_opener();
        }
    };
    let cancel = move || {
        editing.stop();
        back_to_opener();
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" if field == Field::Name => {
            ev.prevent_default();
            keep();
        }
        "Escape" => cancel(),
        _ => {}
    };
    let input = match field {
        Field::Name => view! {
            <input
                type="text"
                data-testid=move || testid("rename-input")
                aria-label=move || NEW_NAME.get(lang())
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || editing.text.get()
                on:input=move |ev| editing.text.set(event_target_value(&ev))
                on:keydown=on_key
            />
        }
        .into_any(),
        Field::Note => view! {
            <textarea
                rows="2"
                data-testid=move || testid("note-input")
                aria-label=move || NOTE.get(lang())
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || editing.text.get()
                on:input=move |ev| editing.text.set(event_target_value(&ev))
                on:keydown=on_key
            ></textarea>
        }
        .into_any(),
    };
    let (class, keep_label, keep_id) = match field {
        Field::Name => ("rename", OK, "rename-ok"),
        Field::Note => ("note-editor", SAVE_NOTE, "note-save"),
    };
    view! {
        <span class=class>
            {input} <button type="button" class="small" data-testid=move || testid(keep_id) on:click=move |_| keep()>
                <Words label=keep_label />
            </button> <button type="button" class="small" on:click=move |_| cancel()>
                <Words label=CANCEL />
            </button> {refused} {held}
        </span>
    }
}
