//! A sentence with figures in it, as the shell draws it: plain text and the figures a
//! test or a reader may pick out (each with its `data-testid`), in reading order. The
//! order of the pieces differs between the languages, so the sentence is built here,
//! in the reader's language, and the shell only draws the pieces.

/// One piece of a [`Sentence`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    Text(String),
    /// A figure drawn emphasised, with the `data-testid` it is found by.
    Figure { testid: &'static str, text: String },
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
