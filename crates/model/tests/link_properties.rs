#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Properties of the address (`link::write` and `link::decode_link`), for scenarios the
//! app's fields can make: each one fits in a link, and the link reads back as exactly
//! that scenario, through the fragment's text; a scenario that does not fit is written
//! as the marker alone, never as another scenario.

use blockvote_model::engine::monte_carlo::{
    delay_weights_usable, OverrunSettings, SimulationChoices, MAX_DELAY_QUARTERS, MAX_DELAY_WEIGHT, MAX_OVERRUN_PCT,
    MAX_RUNS,
};
use blockvote_model::engine::{
    CashCap, CategoryEdit, DeferralRule, Edit, GroupEdit, Profile, ProjectEdit, Scenario, Selector, Slippage,
    MAX_SHIFT_QUARTERS,
};
use blockvote_model::link::{decode_link, fragment_text, write, Fit, MARKER_KEY, MARKER_VALUE, MAX_ITEMS};
use blockvote_model::{Money, Theme};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// An amount as a money field takes it: up to HK$1,000,000,000M, to the dollar.
fn money() -> impl Strategy<Value = Money> {
    (0_i64..=1_000_000_000_000_000).prop_map(|dollars| Money::from_millions(Decimal::new(dollars, 6)))
}

fn shift() -> impl Strategy<Value = i32> {
    -MAX_SHIFT_QUARTERS..=MAX_SHIFT_QUARTERS
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        option::of(any::<bool>()),
        option::of(shift()),
        option::of(shift()),
        option::of(money()),
        option::of(prop::sample::select(Profile::ALL.to_vec())),
    )
        .prop_map(|(exclude, defer_quarters, extend_quarters, budget, profile)| Edit {
            exclude,
            defer_quarters,
            extend_quarters,
            budget,
            profile,
        })
}

fn selector() -> impl Strategy<Value = Selector> {
    prop_oneof![
        Just(Selector::All),
        (0_usize..60).prop_map(|index| Selector::Department { index }),
        prop::sample::select(Theme::ALL.to_vec()).prop_map(|theme| Selector::Theme { theme }),
    ]
}

/// A share as the risk screen's field takes it: a decimal, a percentage or a fraction.
fn share() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0_i64..=10_000).prop_map(|n| Decimal::new(n, 4)),
        (1_u64..=500)
            .prop_flat_map(|bottom| (0..=bottom).prop_map(move |top| Decimal::from(top) / Decimal::from(bottom))),
    ]
}

/// A scenario the app's fields can make: project edits by unique id in order (as
/// `WhatIf::set_project_edit` keeps them), at most `MAX_ITEMS` of each kind.
fn scenario() -> impl Strategy<Value = Scenario> {
    let projects = prop::collection::btree_map(1_u16..=400, edit(), 0..=MAX_ITEMS)
        .prop_map(|edits| edits.into_iter().map(|(id, edit)| ProjectEdit { id, edit }).collect::<Vec<_>>());
    let groups = vec((selector(), edit()).prop_map(|(select, edit)| GroupEdit { select, edit }), 0..=8);
    let categories = prop::collection::btree_map(1_u8..=6, (option::of(money()), any::<bool>()), 0..=6).prop_map(|c| {
        c.into_iter().map(|(id, (amount, locked))| CategoryEdit { id, amount, locked }).collect::<Vec<_>>()
    });
    let levers = (
        prop::sample::select(Profile::ALL.to_vec()),
        (-100_000_i64..=1_000_000).prop_map(|n| Decimal::new(n, 3)),
        (any::<bool>(), share(), 0_u32..=40).prop_map(|(enabled, share, quarters)| Slippage {
            enabled,
            share,
            quarters,
        }),
        option::of(
            (money(), prop::sample::select(DeferralRule::ALL.to_vec()))
                .prop_map(|(amount, rule)| CashCap { amount, rule }),
        ),
        (option::of(money()), option::of(money()), option::of(money()), option::of(money())),
        option::of((0_i64..=10_000).prop_map(|n| Decimal::new(n, 4))),
    );
    (projects, groups, categories, levers).prop_map(
        |(
            projects,
            groups,
            categories,
            (default_profile, cost, slippage, cap, (ceiling, floor, ongoing, target), retention),
        )| {
            let mut scenario = Scenario {
                default_profile,
                cost_change_pct: cost,
                slippage,
                cap,
                projects,
                groups,
                retention,
                ..Scenario::default()
            };
            scenario.delegation.ceiling = ceiling;
            scenario.delegation.floor = floor;
            scenario.ongoing_budget_year = ongoing;
            scenario.allocation.scale_to = target;
            scenario.allocation.categories = categories;
            scenario
        },
    )
}

/// A simulation as the Monte Carlo panel's fields can set it up.
fn simulation() -> impl Strategy<Value = SimulationChoices> {
    (
        any::<u64>(),
        1..=MAX_RUNS,
        option::of(share()),
        [0..=MAX_DELAY_WEIGHT, 0..=MAX_DELAY_WEIGHT, 0..=MAX_DELAY_WEIGHT, 0..=MAX_DELAY_WEIGHT]
            .prop_filter("one weight above 0", |weights: &[u32; MAX_DELAY_QUARTERS]| delay_weights_usable(weights)),
        option::of((share(), 0..=MAX_OVERRUN_PCT, 0..=MAX_OVERRUN_PCT)),
    )
        .prop_map(|(seed, runs, late_probability, delay_weights, overrun)| SimulationChoices {
            seed,
            runs,
            late_probability,
            delay_weights,
            overrun: overrun.map(|(probability, a, b)| OverrunSettings {
                probability,
                min_pct: a.min(b),
                max_pct: a.max(b),
            }),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_scenario_the_app_can_make_reads_back_exactly_from_its_link(scenario in scenario(), simulation in option::of(simulation())) {
        let written = write(&scenario, simulation.as_ref());
        prop_assert_eq!(&written.fit, &Fit::Exact);
        let address = format!("#view=projects&lang=zh&{}", fragment_text(&written.pairs).trim_start_matches('#'));
        let (decoded, problems) = decode_link(&address);
        prop_assert_eq!(problems, vec![]);
        prop_assert_eq!(decoded.scenario, scenario);
        prop_assert_eq!(decoded.simulation, simulation);
    }

    #[test]
    fn a_scenario_that_does_not_fit_is_written_as_the_marker_alone(scenario in scenario(), extra in 1_usize..50) {
        let mut scenario = scenario;
        // More project edits than a link carries (an imported dataset's, say).
        scenario.projects = (1..=u16::try_from(MAX_ITEMS + extra).unwrap())
            .map(|id| ProjectEdit { id, edit: Edit { defer_quarters: Some(1), ..Edit::default() } })
            .collect();
        let written = write(&scenario, None);
        let too_large = matches!(written.fit, Fit::TooLarge { .. });
        prop_assert!(too_large);
        prop_assert_eq!(written.pairs, vec![(MARKER_KEY.to_string(), MARKER_VALUE.to_string())]);
    }
}
