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
    /// The provenance mark of the figure before it, after the figure's unit
    /// (`HK$1,527.7M model`); `None` where no provenance can be claimed.
    Mark(Option<Provenance>),
}

/// What a piece is, for the shell to draw each kind once: words, a figure (with its
/// test id) or a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Text,
    Figure(&'static str),
    Mark,
}

impl Piece {
    /// The `data-testid` of a figure; plain text and marks have none.
    pub fn testid(&self) -> Option<&'static str> {
        match self {
            Piece::Text(_) | Piece::Mark(_) => None,
            Piece::Figure { testid, .. } => Some(testid),
        }
    }

    /// What the piece is.
    pub fn shape(&self) -> Shape {
        match self {
            Piece::Text(_) => Shape::Text,
            Piece::Figure { testid, .. } => Shape::Figure(testid),
            Piece::Mark(_) => Shape::Mark,
        }
    }

    /// The words of text or a figure; a mark has none.
    pub fn text(&self) -> &str {
        match self {
            Piece::Text(text) | Piece::Figure { text, .. } => text,
            Piece::Mark(_) => "",
        }
    }

    /// A mark's provenance; text and figures have none.
    pub fn mark(&self) -> Option<&Provenance> {
        match self {
            Piece::Mark(mark) => mark.as_ref(),
            Piece::Text(_) | Piece::Figure { .. } => None,
        }
    }
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

    /// Adds the mark of the figure before it (drawn after the figure's unit).
    pub fn mark(mut self, mark: Option<Provenance>) -> Sentence {
        self.pieces.push(Piece::Mark(mark));
        self
    }

    /// The sentence as one string, as a reader sees it, without the marks.
    pub fn plain(&self) -> String {
        self.pieces.iter().map(Piece::text).collect()
    }

    /// The sentence with each mark in brackets where it is drawn (`HK$1,527.7M
    /// [model]`): how the tests read what a member sees.
    pub fn read(&self, lang: Lang) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Mark(Some(mark)) => format!(" [{}]", mark.mark(lang)),
                _ => piece.text().to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shell draws a sentence by its shape (each piece's test id, none for words)
    /// and then follows each piece's text; read together they are the sentence.
    fn check(sentence: Sentence, expected: (&[Option<&str>], &str)) {
        let shape: Vec<Option<&str>> = sentence.pieces.iter().map(Piece::testid).collect();
        assert_eq!((shape.as_slice(), sentence.plain().as_str()), expected);
    }

    #[test]
    fn has_a_shape_and_a_text() {
        check(Sentence::new(), (&[], ""));
        check(
            Sentence::new().text("Shown: ").figure("visible-count", "254").text(" projects"),
            (&[None, Some("visible-count"), None], "Shown: 254 projects"),
        );
        check(Sentence::new().figure("a", "1").figure("b", "2"), (&[Some("a"), Some("b")], "12"));
    }

    #[test]
    fn a_mark_follows_its_figure_s_unit() {
        let sentence = |mark| Sentence::new().text("total HK$").figure("t", "1.0").text("M").mark(mark);
        let scenario = sentence(Some(Provenance::Scenario));
        assert_eq!(
            scenario.pieces.iter().map(Piece::shape).collect::<Vec<_>>(),
            [Shape::Text, Shape::Figure("t"), Shape::Text, Shape::Mark]
        );
        assert_eq!(scenario.read(Lang::En), "total HK$1.0M [scenario]");
        assert_eq!(scenario.read(Lang::Zh), "total HK$1.0M [情景]");
        assert_eq!(scenario.plain(), "total HK$1.0M");
        assert_eq!(sentence(None).read(Lang::En), "total HK$1.0M");
    }
}
