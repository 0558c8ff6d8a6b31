#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Properties that hold for every scenario and every dataset: money is conserved
//! exactly, deferral only moves timing, exclusion removes exactly one project,
//! scaling hits its target, simulations are reproducible, and no input panics.

mod engine_common;

use blockvote_model::engine::{
    default_tornado, goal_seek, one_way, scale_pro_rata, tornado, AllocationLevers, CashCap, CategoryEdit,
    DeferralRule, DelegationLevers, Edit, Engine, GoalSeek, GroupEdit, Lever, Metric, MonteCarlo, MonteCarloSettings,
    OverrunSettings, Profile, ProjectEdit, Projection, Scenario, Selector, Slippage,
};
use blockvote_model::{Dataset, FiscalQuarter, Money, Theme};
use engine_common::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money_dollars(dollars: i64) -> Money {
    Money::from_millions(Decimal::new(dollars, 6))
}

fn profile() -> impl Strategy<Value = Profile> {
    prop::sample::select(Profile::ALL.to_vec())
}

fn theme() -> impl Strategy<Value = Theme> {
    prop::sample::select(Theme::ALL.to_vec())
}

fn share() -> impl Strategy<Value = Decimal> {
    (0_i64..=1_000_000_000_000).prop_map(|units| Decimal::new(units, 12))
}

/// A random dataset of up to a dozen projects starting in 2018-19.
fn dataset() -> impl Strategy<Value = Dataset> {
    let one = (0_i64..=50_000_000, 0_i32..=3, 1_i32..=12, 0_usize..=1, theme());
    (vec(one, 0..=12), 0_i64..=100_000_000, 0_i64..=100_000_000).prop_map(|(projects, ongoing, target)| {
        let mut data = small_dataset();
        let first = q("2018-19 Q1");
        data.projects = projects
            .into_iter()
            .enumerate()
            .map(|(index, (budget, start, length, department, theme))| {
                let start_quarter = first.add_quarters(start).unwrap_or(first);
                let end = start_quarter.add_quarters(length - 1).unwrap_or(start_quarter);
                let mut project = project(index as u16 + 1, department, theme, "0", "2018-19 Q1", "2018-19 Q1");
                project.budget = money_dollars(budget);
                project.start = start_quarter;
                project.completion = end;
                project
            })
            .collect();
        data.cohorts[0].cash_budget_year = money_dollars(ongoing);
        data.cohorts[1].cash_budget_year = money_dollars(target);
        data
    })
}

/// An edit within every lever's allowed range.
fn valid_edit() -> impl Strategy<Value = Edit> {
    (
        option::of(any::<bool>()),
        option::of(-6_i32..=6),
        option::of(-6_i32..=6),
        option::of(0_i64..=20_000_000),
        option::of(profile()),
    )
        .prop_map(|(exclude, defer_quarters, extend_quarters, budget, profile)| Edit {
            exclude,
            defer_quarters,
            extend_quarters,
            budget: budget.map(money_dollars),
            profile,
        })
}

fn selector() -> impl Strategy<Value = Selector> {
    prop_oneof![
        Just(Selector::All),
        (0_usize..=2).prop_map(|index| Selector::Department { index }),
        prop::sample::select(vec!["甲部門", "乙部門", "丙部門"])
            .prop_map(|name| Selector::DepartmentZh { name: name.to_string() }),
        theme().prop_map(|theme| Selector::Theme { theme }),
    ]
}

/// A scenario within every lever's allowed range, without a cap.
fn valid_scenario() -> impl Strategy<Value = Scenario> {
    (
        profile(),
        option::of(share()),
        (-10_000_i64..=100_000).prop_map(|hundredths| Decimal::new(hundredths, 2)),
        (any::<bool>(), share(), 0_u32..=6),
        vec((1_u16..=14, valid_edit()), 0..=4),
        vec((selector(), valid_edit()), 0..=3),
        option::of(0_i64..=1_000_000_000),
    )
        .prop_map(
            |(default_profile, retention, cost_change_pct, (enabled, share, quarters), projects, groups, ongoing)| {
                Scenario {
                    default_profile,
                    retention,
                    cost_change_pct,
                    slippage: Slippage { enabled, share, quarters },
                    projects: projects.into_iter().map(|(id, edit)| ProjectEdit { id, edit }).collect(),
                    groups: groups.into_iter().map(|(select, edit)| GroupEdit { select, edit }).collect(),
                    ongoing_budget_year: ongoing.map(money_dollars),
                    ..Scenario::default()
                }
            },
        )
}

fn project_ok(data: &Dataset, scenario: &Scenario) -> Projection {
    let engine = Engine::new(data).unwrap_or_else(|error| panic!("engine: {error}"));
    engine.project(scenario).unwrap_or_else(|error| panic!("a valid scenario must project: {error}"))
}

/// The new projects' cash per quarter, keyed by quarter, from the projects' vectors.
fn cash_at(projection: &Projection, id: u16, quarter: FiscalQuarter) -> Money {
    projection
        .project(id)
        .and_then(|project| {
            let offset = usize::try_from(project.cash_start.quarters_until(quarter)).ok()?;
            project.cash.get(offset).copied()
        })
        .unwrap_or(Money::ZERO)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_amount_adds_up_exactly(data in dataset(), scenario in valid_scenario()) {
        let projection = project_ok(&data, &scenario);
        for project in &projection.projects {
            let sum = Money::checked_sum(project.cash.iter().copied()).unwrap_or_default();
            if project.included {
                prop_assert_eq!(sum, project.budget, "project {}", project.id);
            } else {
                prop_assert!(project.cash.is_empty());
            }
        }
        let budgets = Money::checked_sum(projection.projects.iter().filter(|p| p.included).map(|p| p.budget)).unwrap_or_default();
        let new = Money::checked_sum(projection.quarters.iter().map(|row| row.new)).unwrap_or_default();
        prop_assert_eq!(new, budgets);
        for row in &projection.quarters {
            prop_assert_eq!(row.ongoing.checked_add(row.new), Ok(row.total));
        }
        let by_years = Money::checked_sum(projection.years.iter().map(|row| row.total));
        let by_quarters = Money::checked_sum(projection.quarters.iter().map(|row| row.total));
        prop_assert_eq!(by_years, by_quarters);
        prop_assert_eq!(Some(&projection.budget_year_totals), projection.years.first());
        prop_assert_eq!(projection.budget_year_totals.ongoing, projection.ongoing.budget_year);
    }

    #[test]
    fn calibration_report_matches_the_baseline_projection(data in dataset()) {
        let projection = project_ok(&data, &Scenario::default());
        prop_assert_eq!(projection.budget_year_totals.new, projection.calibration.calibrated);
        let report = &projection.calibration;
        prop_assert!(report.all_on_completion <= report.calibrated && report.calibrated <= report.even);
    }

    #[test]
    fn deferral_only_moves_timing(data in dataset(), scenario in valid_scenario(), pick in any::<prop::sample::Index>(), quarters in 0_i32..=8) {
        prop_assume!(!data.projects.is_empty());
        // A base scenario without edits of the chosen project, so the deferral is the only one.
        let id = data.projects[pick.index(data.projects.len())].id;
        let mut base = scenario.clone();
        base.projects.retain(|edit| edit.id != id);
        base.groups.clear();
        let mut moved = base.clone();
        moved.projects.push(ProjectEdit { id, edit: Edit { defer_quarters: Some(quarters), ..Edit::default() } });
        let (before, after) = (project_ok(&data, &base), project_ok(&data, &moved));
        let total = |projection: &Projection| Money::checked_sum(projection.quarters.iter().map(|row| row.total));
        prop_assert_eq!(total(&before), total(&after));
        for (old, new) in before.projects.iter().zip(&after.projects) {
            prop_assert_eq!(&old.cash, &new.cash, "project {} keeps its amounts", old.id);
            let expected_start = if old.id == id { old.cash_start.add_quarters(quarters) } else { Some(old.cash_start) };
            prop_assert_eq!(Some(new.cash_start), expected_start);
        }
    }

    #[test]
    fn exclusion_removes_exactly_that_project(data in dataset(), scenario in valid_scenario(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!data.projects.is_empty());
        let id = data.projects[pick.index(data.projects.len())].id;
        let mut without = scenario.clone();
        without.projects.push(ProjectEdit { id, edit: Edit { exclude: Some(true), ..Edit::default() } });
        let (before, after) = (project_ok(&data, &scenario), project_ok(&data, &without));
        for row in &before.quarters {
            let kept = after.quarters.iter().find(|other| other.quarter == row.quarter).map_or(Money::ZERO, |other| other.new);
            prop_assert_eq!(row.new.checked_sub(kept), Ok(cash_at(&before, id, row.quarter)), "{}", row.quarter);
        }
        for (old, new) in before.projects.iter().zip(&after.projects).filter(|(old, _)| old.id != id) {
            prop_assert_eq!(&old.cash, &new.cash);
        }
    }

    #[test]
    fn pro_rata_scaling_hits_the_target_and_keeps_locks(
        parts in vec((0_i64..=1_000_000_000, any::<bool>()), 0..=8),
        extra in 0_i64..=10_000_000_000,
    ) {
        let amounts: Vec<Money> = parts.iter().map(|(dollars, _)| money_dollars(*dollars)).collect();
        let locked: Vec<bool> = parts.iter().map(|(_, lock)| *lock).collect();
        let locked_sum: i64 = parts.iter().filter(|(_, lock)| *lock).map(|(dollars, _)| dollars).sum();
        let unlocked_sum: i64 = parts.iter().filter(|(_, lock)| !*lock).map(|(dollars, _)| dollars).sum();
        let target = money_dollars(locked_sum + extra);
        match scale_pro_rata(&amounts, &locked, target) {
            Ok(scaled) => {
                prop_assert_eq!(Money::checked_sum(scaled.iter().copied()), Ok(target));
                for ((before, after), lock) in amounts.iter().zip(&scaled).zip(&locked) {
                    if *lock {
                        prop_assert_eq!(before, after);
                    } else {
                        prop_assert!(!after.is_negative());
                    }
                }
            }
            Err(_) => prop_assert!(unlocked_sum == 0 && extra > 0),
        }
        // Below the locked sum it is always refused.
        if locked_sum > 0 {
            prop_assert!(scale_pro_rata(&amounts, &locked, money_dollars(locked_sum - 1)).is_err());
        }
    }

    #[test]
    fn simulations_repeat_and_ignore_chunking(
        data in dataset(),
        seed in any::<u64>(),
        runs in 1_u32..=60,
        chunks in vec(1_u32..=25, 1..=6),
        late in share(),
        weights in [0_u32..=5, 0_u32..=5, 0_u32..=5, 1_u32..=5],
        overrun in option::of((share(), 0_u32..=50, 0_u32..=50)),
    ) {
        let overrun = overrun.map(|(probability, a, b)| OverrunSettings { probability, min_pct: a.min(b), max_pct: a.max(b) });
        let settings = MonteCarloSettings { seed, runs, late_probability: late, delay_weights: weights, overrun };
        let engine = Engine::new(&data).unwrap_or_else(|error| panic!("{error}"));
        let fresh = || MonteCarlo::with_engine(&engine, &Scenario::default(), &settings).unwrap_or_else(|error| panic!("{error}"));
        let one_shot = fresh().finish();
        prop_assert_eq!(&fresh().finish(), &one_shot);
        let mut chunked = fresh();
        for chunk in chunks.iter().cycle() {
            if chunked.is_done() {
                break;
            }
            chunked.step(*chunk);
        }
        prop_assert_eq!(&chunked.summary(), &one_shot);
        let stats = one_shot.budget_year_total;
        prop_assert!(stats.p10 <= stats.p50 && stats.p50 <= stats.p90);
    }
}

/// Any decimal at all, including huge, tiny and negative ones.
fn wild_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0_u32..=28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        (-3_i64..=3).prop_map(Decimal::from),
    ]
}

fn wild_money() -> impl Strategy<Value = Money> {
    wild_decimal().prop_map(Money::from_millions)
}

fn wild_edit() -> impl Strategy<Value = Edit> {
    (
        option::of(any::<bool>()),
        option::of(any::<i32>()),
        option::of(any::<i32>()),
        option::of(wild_money()),
        option::of(profile()),
    )
        .prop_map(|(exclude, defer_quarters, extend_quarters, budget, profile)| Edit {
            exclude,
            defer_quarters,
            extend_quarters,
            budget,
            profile,
        })
}

fn wild_scenario() -> impl Strategy<Value = Scenario> {
    (
        (profile(), option::of(wild_decimal()), wild_decimal(), (any::<bool>(), wild_decimal(), any::<u32>())),
        (vec((any::<u16>(), wild_edit()), 0..=3), vec((selector(), wild_edit()), 0..=2), option::of(wild_money())),
        (vec((any::<u8>(), option::of(wild_money()), any::<bool>()), 0..=3), option::of(wild_money())),
        (
            option::of(wild_money()),
            option::of(wild_money()),
            option::of((wild_money(), prop::sample::select(DeferralRule::ALL.to_vec()))),
        ),
    )
        .prop_map(
            |(
                (default_profile, retention, cost, (enabled, share, quarters)),
                (projects, groups, ongoing),
                (categories, scale_to),
                (ceiling, floor, cap),
            )| {
                Scenario {
                    default_profile,
                    retention,
                    ongoing_budget_year: ongoing,
                    cost_change_pct: cost,
                    slippage: Slippage { enabled, share, quarters },
                    projects: projects.into_iter().map(|(id, edit)| ProjectEdit { id, edit }).collect(),
                    groups: groups.into_iter().map(|(select, edit)| GroupEdit { select, edit }).collect(),
                    allocation: AllocationLevers {
                        categories: categories
                            .into_iter()
                            .map(|(id, amount, locked)| CategoryEdit { id, amount, locked })
                            .collect(),
                        scale_to,
                    },
                    delegation: DelegationLevers { ceiling, floor },
                    cap: cap.map(|(amount, rule)| CashCap { amount, rule }),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the input, the engine answers with a projection or an error.
    #[test]
    fn no_input_panics(data in dataset(), scenario in wild_scenario(), value in wild_decimal(), target in wild_money()) {
        let engine = Engine::new(&data).unwrap_or_else(|error| panic!("{error}"));
        let outcome = engine.project(&scenario);
        if let Ok(projection) = &outcome {
            for project in projection.projects.iter().filter(|project| project.included) {
                prop_assert_eq!(Money::checked_sum(project.cash.iter().copied()), Ok(project.budget));
            }
        }
        let _ = one_way(&engine, &scenario, Lever::CostChangePct, &[value]);
        let _ = tornado(&engine, &scenario, &default_tornado(&engine, &scenario));
        let _ = goal_seek(&engine, &scenario, &GoalSeek { lever: Lever::SlipShare, metric: Metric::BudgetYearTotal, target });
        let settings = MonteCarloSettings { runs: 3, late_probability: value, ..MonteCarloSettings::default() };
        if let Ok(mut simulation) = MonteCarlo::with_engine(&engine, &scenario, &settings) {
            let _ = simulation.finish();
        }
    }

    /// Scenarios survive JSON (they are saved and put into links); so do projections.
    #[test]
    fn scenarios_and_projections_round_trip_through_json(scenario in wild_scenario(), valid in valid_scenario()) {
        for scenario in [scenario, valid.clone()] {
            let text = serde_json::to_string(&scenario).unwrap_or_else(|error| panic!("{error}"));
            let back: Scenario = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{text}: {error}"));
            prop_assert_eq!(back, scenario);
        }
        let projection = project_ok(&small_dataset(), &valid);
        let text = serde_json::to_string(&projection).unwrap_or_else(|error| panic!("{error}"));
        let back: Projection = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}"));
        prop_assert_eq!(back, projection);
    }

    /// Budgets at the limits of what the dataset may hold still project.
    #[test]
    fn largest_datasets_project(budgets in vec(prop_oneof![Just(1_000_000_000_i64), 0_i64..=1_000_000_000], 1..=6), cost in -100_i64..=1000) {
        let mut data = small_dataset();
        data.projects.truncate(budgets.len());
        for (project, budget) in data.projects.iter_mut().zip(&budgets) {
            project.budget = Money::from_whole_millions(*budget);
        }
        let scenario = Scenario {
            cost_change_pct: Decimal::from(cost),
            slippage: Slippage { enabled: true, ..Slippage::default() },
            ..Scenario::default()
        };
        let projection = project_ok(&data, &scenario);
        for project in projection.projects.iter().filter(|project| project.included) {
            prop_assert_eq!(Money::checked_sum(project.cash.iter().copied()), Ok(project.budget));
        }
    }
}
