//! A sentence with figures in it, as the shell draws it: plain text and the figures a
//! test or a reader may pick out (each with its `data-testid`), in reading order. The
//! order of the pieces differs between the languages, so the sentence is built here,
//! in the reader's language, and the shell only draws the pieces. [`Marked`] is a
//! figure's text with its provenance mark.

use crate::lang::Lang;
use crate::provenance::{Figure, Provenance};

/// A figure's text as a screen writes it (perhaps with its unit, perhaps two figures
/// side by side), with the mark it carries; `None` only where no provenance can be
/// claimed (the figures of projects the member imported are not the paper's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Marked {
    pub text: String,
    pub mark: Option<Provenance>,
}

impl Marked {
    /// A figure as written, with its mark.
    pub fn figure(figure: &Figure, lang: Lang) -> Marked {
        Marked { text: figure.text(lang), mark: Some(figure.provenance().clone()) }
    }

    /// Text built from figures, with the mark of the one whose words cover it.
    pub fn text(text: impl Into<String>, mark: Option<Provenance>) -> Marked {
        Marked { text: text.into(), mark }
    }
}

/// One piece of a [`Sentence`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    Text(String),
    /// A figure drawn emphasised, with the `data-testid` it is found by.
    Figure {
        testid: &'static str,
        text: String,
    },
}

/// A sentence in the reader's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sentence {
    pub pieces: Vec<Piece>,
}

impl Sentence {
    pub fn new() -> Sentence {
        Sentence::default()
    }

    /// Adds plain text.
    pub fn text(mut self, text: impl Into<String>) -> Sentence {
        self.pieces.push(Piece::Text(text.into()));
        self
    }

    /// Adds a figure found by `testid`.
    pub fn figure(mut self, testid: &'static str, text: impl Into<String>) -> Sentence {
        self.pieces.push(Piece::Figure { testid, text: text.into() });
        self
    }

    /// The sentence as one string, as a reader sees it.
    pub fn plain(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) | Piece::Figure { text, .. } => text.as_str(),
            })
            .collect()
    }
}
