//! The projects a member would see changed, each cell as it reads, and the levers
//! applied to every project, said once.

use crate::components::table_head::{Column, TableHead};
use blockvote_present::screens::brief::Brief;
use leptos::prelude::*;

#[component]
pub fn ChangedProjects(brief: Memo<Option<Brief>>) -> impl IntoView {
    move || {
        brief.with(|b| b.as_ref().map(|b| b.changed.clone())).map(|c| {
            let [no, project, budget, timing, cash, status] = c.heads;
            let levers = (!c.levers.is_empty()).then(|| {
                view! {
                    <ul class="brief-levers" data-testid="brief-levers">
                        {c.levers.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }
            });
            let table = (!c.rows.is_empty()).then(|| {
                let rows = c
                    .rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr data-testid=format!("brief-project-{}", r.id)>
                                <td class="num">{r.id}</td>
                                <td>{r.name}<span class="department">{r.department}</span></td>
                                <td class="num">{r.budget}</td>
                                <td>{r.timing}</td>
                                <td class="num">{r.cash}</td>
                                <td>{r.status}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table class="data compact brief-projects" data-testid="brief-projects">
                        <TableHead columns=vec![
                            Column::figures(no, "w-id"),
                            Column::text(project, "w-name"),
                            Column::figures(budget, "w-budget"),
                            Column::text(timing, "w-timing"),
                            Column::figures(cash, "w-cash"),
                            Column::text(status, "w-status"),
                        ] />
                        <tbody>{rows}</tbody>
                    </table>
                }
            });
            view! {
                <section class="brief-section" tabindex="0" aria-label=c.title.clone()>
                    <h3 data-testid="brief-projects-title">{c.title.clone()}</h3>
                    {levers}
                    {c.none.map(|none| view! { <p data-testid="brief-no-changes">{none}</p> })}
                    {table}
                    {c
                        .more
                        .map(|more| {
                            view! {
                                <p class="note" data-testid="brief-projects-more">
                                    {more}
                                </p>
                            }
                        })}
                </section>
            }
        })
    }
}
