//! Display helpers shared by the screens. Money always goes through
//! `Money::format` (the model's one formatting function); this module only adds units
//! and percentages in the current language.

use crate::i18n::Lang;
use blockvote_model::money::format_decimal;
use blockvote_model::Money;
use rust_decimal::Decimal;

/// `1,060.0` — HK$ millions with one decimal, the paper's own precision for budgets.
pub fn millions(amount: Money) -> String {
    amount.format(1)
}

/// `HK$1,060.0M` / `1,060.0 百萬元`.
pub fn money_with_unit(amount: Money, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 百萬元", amount.format(1)),
        Lang::En => format!("HK${}M", amount.format(1)),
    }
}

/// `+7.1%` with one decimal, half away from zero.
pub fn percent_signed(value: Decimal) -> String {
    let text = format_decimal(value, 1);
    if value.round_dp(1) > Decimal::ZERO {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// `67.1%`.
pub fn percent(value: Decimal) -> String {
    format!("{}%", format_decimal(value, 1))
}
