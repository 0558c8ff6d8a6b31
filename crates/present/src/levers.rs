//! Lever fields: the words, unit and reader of each of the model's scalar levers,
//! derived from `blockvote_model::engine::Lever` (its range and whether it is whole),
//! so a field declares its lever instead of restating bounds. Setting the value on a
//! scenario is the model's `Lever::apply`.

use crate::fields::{decimal_in, int_in, money_in, share_in, write_decimal, write_share, FieldSpec};
use crate::lang::Label;
use crate::words::{lever_label, UNIT_HKD_M, UNIT_PERCENT, UNIT_QUARTERS};
use blockvote_model::engine::Lever;
use blockvote_model::Money;
use rust_decimal::Decimal;

/// The unit a lever's value is typed in.
pub fn lever_unit(lever: Lever) -> Option<Label> {
    match lever {
        Lever::CostChangePct => Some(UNIT_PERCENT),
        Lever::OngoingAmount | Lever::Cap => Some(UNIT_HKD_M),
        Lever::SlipQuarters => Some(UNIT_QUARTERS),
        Lever::SlipShare | Lever::OnTimeRate | Lever::Retention | Lever::AllocationScale => None,
    }
}

/// True for a lever whose value is a share shown as a percentage (`words::lever_value`
/// writes 50.0%): its field reads a share as every share field does (`0.5`, `50%`,
/// `1/2`), so a member can type back the figure the table shows.
pub fn is_percentage_share(lever: Lever) -> bool {
    matches!(lever, Lever::SlipShare | Lever::OnTimeRate)
}

/// The field of `lever`: its label and unit, and a reader that takes exactly the
/// values `Lever::apply` accepts (the lever's range; whole numbers where it is whole).
pub fn lever_field(lever: Lever) -> FieldSpec<Decimal> {
    let (min, max) = lever.range();
    let unit = lever_unit(lever);
    if is_percentage_share(lever) {
        // A share's range is 0 to 1, the range `share_in` reads.
        return FieldSpec::new(lever_label(lever), share_in, write_share);
    }
    let read = move |text: &str| match lever {
        Lever::OngoingAmount | Lever::Cap => {
            money_in(text, Money::from_millions(min), Money::from_millions(max)).map(Money::millions)
        }
        _ if lever.is_whole() => {
            let (low, high) = (i64::try_from(min).unwrap_or(0), i64::try_from(max).unwrap_or(0));
            int_in(text, low, high, unit).map(Decimal::from)
        }
        _ => decimal_in(text, min, max, unit),
    };
    let spec = FieldSpec::new(lever_label(lever), read, write_decimal).full_keyboard(min < Decimal::ZERO);
    match unit {
        Some(unit) => spec.unit(unit),
        None => spec,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_field_that_takes_a_cut_offers_a_minus_sign() {
        let signed: Vec<Lever> = Lever::ALL.into_iter().filter(|lever| lever_field(*lever).full_keyboard).collect();
        assert_eq!(signed, [Lever::CostChangePct]);
    }

    #[track_caller]
    fn check(lever: Lever, input: &str, expected: &str) {
        let spec = lever_field(lever);
        let shown = match (spec.read)(input) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {}", error.get(Lang::En)),
        };
        assert_eq!(shown, expected, "{lever:?} {input:?}");
    }

    #[test]
    fn every_lever_field_takes_what_the_lever_takes() {
        check(Lever::CostChangePct, "10", "10");
        check(Lever::CostChangePct, "-101", "error: Must be between -100 and 1,000");
        check(Lever::SlipQuarters, "2", "2");
        check(Lever::SlipQuarters, "1.5", "error: Enter a whole number");
        check(Lever::SlipQuarters, "41", "error: Must be between 0 and 40");
        check(Lever::OngoingAmount, "817", "817");
        check(Lever::Cap, "-1", "error: Must be between 0.0 and 1,000,000,000.0 (HK$M)");
        check(Lever::Retention, "0.5", "0.5");
        check(Lever::Retention, "1.5", "error: Must be between 0 and 1");
        // A share shown as a percentage is read as the share fields read it.
        check(Lever::OnTimeRate, "10%", "0.1");
        check(Lever::OnTimeRate, "141/210", "141/210");
        check(Lever::OnTimeRate, "0.671", "0.671");
        check(Lever::SlipShare, "69/210", "69/210");
        check(Lever::SlipShare, "101%", "error: Must be between 0 and 1 (or 0% and 100%)");
        // r is shown as a decimal (r = 0.843), so its field takes no percentage.
        check(Lever::Retention, "50%", "error: No % here: enter the number alone");
    }
}
