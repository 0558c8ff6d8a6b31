use blockvote_model::Dataset;

#[test]
fn paper_loads() {
    let dataset = Dataset::paper()
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    assert_eq!(dataset.projects.len(), 254);
}
