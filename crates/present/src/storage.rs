//! What the app says about saving, importing and offline copies, in both languages (being written).
