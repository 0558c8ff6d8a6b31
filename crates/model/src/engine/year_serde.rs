//! Serde for [`FiscalYear`] as its label (`"2018-19"`), so that projections, which
//! carry financial years, serialise the same way quarters do (`"2018-19 Q1"`).

use crate::quarter::FiscalYear;
use serde::{Deserialize, Deserializer, Serializer};

pub(crate) fn serialize<S: Serializer>(year: &FiscalYear, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&year.label())
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<FiscalYear, D::Error> {
    let text = String::deserialize(deserializer)?;
    FiscalYear::parse(&text).map_err(serde::de::Error::custom)
}
