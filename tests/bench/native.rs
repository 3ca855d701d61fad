//! Native benchmark (on demand, not part of `sh tests/run.sh`):
//!     cargo bench --bench native
//! Prints the median over 7 runs of the time per `cardDates` and
//! `adviseDocuments` evaluation through the plain-Rust API (input reading,
//! rules, texts), and the ratio between them.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use myna_hoken::api::{self, RawObject, RawValue};

#[path = "../common/mod.rs"]
mod common;

fn text(s: &str) -> RawValue {
    RawValue::Text(s.to_string())
}

fn card_input() -> RawObject {
    RawObject(vec![
        ("birthday".into(), text("1985-09-18")),
        ("cardIssued".into(), text("2020-05-20")),
        ("asOf".into(), text("2024-10-01")),
    ])
}

fn advice_input() -> RawObject {
    RawObject(vec![
        ("membership".into(), text("voluntary-insured")),
        ("card".into(), text("lost")),
        ("registered".into(), RawValue::Bool(true)),
        ("asOf".into(), text("2026-11-24")),
        // The default insurer's profile, read at every call as a page's own would be.
        ("profile".into(), common::tree(&common::profile("kddi"))),
    ])
}

/// Median nanoseconds per call of `f` over `runs` runs of `iterations` calls.
fn median_ns(runs: usize, iterations: u32, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(iterations)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let card = median_ns(7, 20_000, || {
        black_box(api::card_dates(black_box(card_input()), today).unwrap());
    });
    // Built once (reading the profile's JSON is the test helper's, not the engine's work).
    let advice_in = advice_input();
    let advice = median_ns(7, 20_000, || {
        black_box(api::advise_documents(black_box(advice_in.clone()), today).unwrap());
    });
    println!(
        "native cardDates:       {:>8.2} µs per call (median of 7 × 20,000)",
        card / 1000.0
    );
    println!(
        "native adviseDocuments: {:>8.2} µs per call (median of 7 × 20,000)",
        advice / 1000.0
    );
    println!("ratio cardDates / adviseDocuments: {:.2}", card / advice);
}
