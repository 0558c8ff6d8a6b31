//! The projects that change approval route under the scenario's thresholds: each with
//! its department, its budget (Annex C's where the scenario keeps it) and its route
//! under the paper and under the scenario, and a link to them in the projects table.
//! When none changes, the screen says so and why: which budgets a moved threshold
//! could move, and that none lies there (at HK$20M every Annex C project is at most
//! HK$9.9M).

use crate::format::projects_count;
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Figure, Value};
use crate::route::{fragment_for, View};
use crate::screens::thresholds::threshold_text;
use crate::words::{department_name, project_name, route_label};
use blockvote_model::engine::DelegationOutcome;
use blockvote_model::{Dataset, Money};

pub const HEADINGS: [Label; 6] = [
    l("編號", "No."),
    l("項目", "Project"),
    l("部門", "Department"),
    l("預算（百萬元）", "Budget (HK$M)"),
    l("按文件門檻", "Under the paper"),
    l("按情景門檻", "Under the scenario"),
];
pub const SHOW_IN_TABLE: Label = l("在項目表中查看", "Show them in the projects table");

/// A project that changes route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub id: u16,
    pub name: String,
    pub department: String,
    pub budget: Figure,
    pub paper_route: String,
    pub route: String,
}

/// The list of projects that change route, or why none does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    pub heading: String,
    pub rows: Vec<ChangeRow>,
    /// Why no project changes route (only when none does).
    pub none_because: Option<String>,
    /// The projects table filtered to these projects (only when some do).
    pub link: Option<String>,
}

/// The changes of `delegation`, given the included projects' budgets in the scenario.
pub fn changes(delegation: &DelegationOutcome, budgets: &[Money], data: &Dataset, lang: Lang) -> Changes {
    let rows: Vec<ChangeRow> = delegation
        .changed
        .iter()
        .map(|change| {
            let project = data.project(change.id);
            let printed =
                (change.budget == change.paper_budget).then(|| Printed::ProjectBudget(change.id).figure(data));
            ChangeRow {
                id: change.id,
                name: project.map(|p| project_name(p, lang)).unwrap_or_default(),
                department: project.map(|p| department_name(data, p.department, lang)).unwrap_or_default(),
                // Written exactly: 9.999999 and 10.000001 on either side of a HK$10M
                // ceiling are not both "10.0".
                budget: printed.flatten().unwrap_or_else(|| Figure::scenario(Value::MillionsExact(change.budget))),
                paper_route: route_label(change.paper_route).get(lang).to_string(),
                route: route_label(change.route).get(lang).to_string(),
            }
        })
        .collect();
    let heading = match lang {
        Lang::Zh => format!("改變審批途徑的項目（{}）", projects_count(rows.len(), lang)),
        Lang::En => format!("Projects that change approval route ({})", rows.len()),
    };
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    let link = (!ids.is_empty()).then(|| fragment_for(View::Projects, lang, &[("ids".to_string(), ids.join(","))]));
    let none_because = rows.is_empty().then(|| none_because(delegation, budgets, lang));
    Changes { heading, rows, none_because, link }
}

/// Why no project changes route.
fn none_because(d: &DelegationOutcome, budgets: &[Money], lang: Lang) -> String {
    let money = |amount: Money| threshold_text(amount, lang);
    if d.ceiling == d.paper_ceiling && d.floor == d.paper_floor {
        return l(
            "沒有項目改變審批途徑：門檻與文件（第 2 段）相同，情景中亦沒有預算越過任何一個門檻。",
            "No project changes approval route: the thresholds are the paper's (para 2), and no budget in the scenario crosses either of them.",
        )
        .get(lang)
        .to_string();
    }
    // A moved threshold moves only the budgets between its old and new place; say
    // which, and where the nearest budgets lie.
    let nearest = |low: Money, high: Money, inside: &dyn Fn(Money) -> bool| {
        let below = budgets.iter().copied().filter(|b| *b <= low && !inside(*b)).max();
        let above = budgets.iter().copied().filter(|b| *b >= high && !inside(*b)).min();
        match (lang, below, above) {
            (Lang::Zh, Some(b), Some(a)) => format!("最接近的預算為 {}及 {}", money(b), money(a)),
            (Lang::Zh, Some(b), None) => format!("最大的預算為 {}", money(b)),
            (Lang::Zh, None, Some(a)) => format!("最小的預算為 {}", money(a)),
            (Lang::En, Some(b), Some(a)) => format!("the nearest budgets are {} and {}", money(b), money(a)),
            (Lang::En, Some(b), None) => format!("the largest budget is {}", money(b)),
            (Lang::En, None, Some(a)) => format!("the smallest budget is {}", money(a)),
            (_, None, None) => lang.pick("情景中沒有預算", "there are no budgets in the scenario").to_string(),
        }
    };
    // Why none of the budgets a moved threshold could move changes route: there are
    // none, or the scenario moved each across the paper's threshold as well (a project
    // of HK$9.9M in the paper, HK$10.5M in the scenario, under a HK$20M ceiling takes
    // the route the paper gives it). No project changing route, those are the only two.
    let why_none = |low: Money, high: Money, inside: &dyn Fn(Money) -> bool, threshold: Label| {
        let threshold = threshold.get(lang);
        match budgets.iter().filter(|b| inside(**b)).count() {
            0 => match lang {
                Lang::Zh => format!("，而情景中沒有這樣的項目：{}。", nearest(low, high, inside)),
                Lang::En => format!(", and none does: {}.", nearest(low, high, inside)),
            },
            1 => match lang {
                Lang::Zh => format!("：情景中有 1 個這樣的項目，但其審批途徑與文件相同，因為情景亦把其預算移過了文件的{threshold}。"),
                Lang::En => format!(": 1 project does in the scenario, and it takes the route the paper gives it, since the scenario moved its budget across the paper's {threshold} too."),
            },
            n => match lang {
                Lang::Zh => format!("：情景中有 {n} 個這樣的項目，但其審批途徑都與文件相同，因為情景亦把其預算移過了文件的{threshold}。"),
                Lang::En => format!(": {n} projects do in the scenario, and each takes the route the paper gives it, since the scenario moved their budgets across the paper's {threshold} too."),
            },
        }
    };
    let mut reasons = Vec::new();
    if d.ceiling != d.paper_ceiling {
        let (low, high) = (d.ceiling.min(d.paper_ceiling), d.ceiling.max(d.paper_ceiling));
        let why = why_none(low, high, &|b| b > low && b <= high, l("上限", "ceiling"));
        reasons.push(match lang {
            Lang::Zh => format!(
                "把上限由 {}改為 {}，只會改變預算高於 {}而不超過 {}的項目的審批途徑{why}",
                money(d.paper_ceiling),
                money(d.ceiling),
                money(low),
                money(high)
            ),
            Lang::En => format!(
                "Moving the ceiling from {} to {} changes the route only of a project costing more than {} and at most {}{why}",
                money(d.paper_ceiling),
                money(d.ceiling),
                money(low),
                money(high)
            ),
        });
    }
    if d.floor != d.paper_floor {
        let (low, high) = (d.floor.min(d.paper_floor), d.floor.max(d.paper_floor));
        let why = why_none(low, high, &|b| b >= low && b < high, l("下限", "floor"));
        reasons.push(match lang {
            Lang::Zh => format!(
                "把下限由 {}改為 {}，只會改變預算不低於 {}而低於 {}的項目的審批途徑{why}",
                money(d.paper_floor),
                money(d.floor),
                money(low),
                money(high)
            ),
            Lang::En => format!(
                "Moving the floor from {} to {} changes the route only of a project costing at least {} and less than {}{why}",
                money(d.paper_floor),
                money(d.floor),
                money(low),
                money(high)
            ),
        });
    }
    let lead = l("沒有項目改變審批途徑。", "No project changes approval route.").get(lang);
    match lang {
        Lang::Zh => format!("{lead}{}", reasons.concat()),
        Lang::En => format!("{lead} {}", reasons.join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::thresholds::tests::paper;

    /// The list under the scenario of `link` (the address's pairs), in `lang`: its
    /// heading, its first row and why none changes.
    #[track_caller]
    fn check(link: &str, lang: Lang, expected: &[&str]) {
        let data = paper();
        let (read, problems) = blockvote_model::link::decode_link(link);
        assert_eq!(problems, [], "{link}");
        let engine = blockvote_model::engine::Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let projection = engine.project(&read.scenario).unwrap_or_else(|e| panic!("{e}"));
        let budgets: Vec<Money> = projection.projects.iter().filter(|o| o.included).map(|o| o.budget).collect();
        let shown = changes(&projection.delegation, &budgets, &data, lang);
        let mut lines = vec![shown.heading];
        lines.extend(shown.rows.iter().take(1).map(|r| {
            let mark = r.budget.provenance().mark(lang);
            format!(
                "{} {} | {} | {} [{mark}] | {} → {}",
                r.id,
                r.name,
                r.department,
                r.budget.text(lang),
                r.paper_route,
                r.route
            )
        }));
        lines.extend(shown.none_because);
        assert_eq!(lines, expected);
    }

    #[test]
    fn a_ceiling_of_twenty_million_changes_nothing_and_says_why() {
        check(
            "ceiling=20&floor=0.2",
            Lang::En,
            &[
                "Projects that change approval route (0)",
                "No project changes approval route. Moving the ceiling from HK$10.0M to HK$20.0M changes the route only of a project costing more than HK$10.0M and at most HK$20.0M, and none does: the largest budget is HK$9.9M.",
            ],
        );
        check(
            "ceiling=20&floor=0.2",
            Lang::Zh,
            &[
                "改變審批途徑的項目（0 個項目）",
                "沒有項目改變審批途徑。把上限由 10.0 百萬元改為 20.0 百萬元，只會改變預算高於 10.0 百萬元而不超過 20.0 百萬元的項目的審批途徑，而情景中沒有這樣的項目：最大的預算為 9.9 百萬元。",
            ],
        );
        check(
            "ceiling=10&floor=0.2",
            Lang::En,
            &[
                "Projects that change approval route (0)",
                "No project changes approval route: the thresholds are the paper's (para 2), and no budget in the scenario crosses either of them.",
            ],
        );
    }

    #[test]
    fn budgets_the_scenario_moved_across_the_paper_s_threshold_too_are_said_so() {
        // Audit 35: No. 14 at HK$10.5M under a HK$20M ceiling takes the paper's route,
        // and the screen said no budget lay between the ceilings ("the largest is 9.9").
        check(
            "ceiling=20&p=14:b10.5",
            Lang::En,
            &[
                "Projects that change approval route (0)",
                "No project changes approval route. Moving the ceiling from HK$10.0M to HK$20.0M changes the route only of a project costing more than HK$10.0M and at most HK$20.0M: 1 project does in the scenario, and it takes the route the paper gives it, since the scenario moved its budget across the paper's ceiling too.",
            ],
        );
        check(
            "ceiling=20&cost=5",
            Lang::Zh,
            &[
                "改變審批途徑的項目（0 個項目）",
                "沒有項目改變審批途徑。把上限由 10.0 百萬元改為 20.0 百萬元，只會改變預算高於 10.0 百萬元而不超過 20.0 百萬元的項目的審批途徑：情景中有 59 個這樣的項目，但其審批途徑都與文件相同，因為情景亦把其預算移過了文件的上限。",
            ],
        );
    }

    #[test]
    fn each_changed_project_shows_its_department() {
        check(
            "ceiling=5&floor=0.2",
            Lang::En,
            &[
                "Projects that change approval route (154)",
                "1 Strengthening of cyber attack protection and information security management | Administration Wing | 6.6 [Annex C] | Block allocation (GCIO approves) → Finance Committee (own subhead)",
            ],
        );
        check(
            "ceiling=10&floor=0.15",
            Lang::En,
            &[
                "Projects that change approval route (0)",
                "No project changes approval route. Moving the floor from HK$0.2M to HK$0.15M changes the route only of a project costing at least HK$0.15M and less than HK$0.2M, and none does: the smallest budget is HK$0.2M.",
            ],
        );
    }
}
