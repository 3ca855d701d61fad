//! 説明の集め方: the steps, notes and follow-up questions an answer gathers
//! while its facts are worked out.

use crate::answer::{Msg, Note, Step, Values};
use crate::rules::Rule;

/// Steps, notes and the questions that would change the answer.
#[derive(Default)]
pub struct Explained {
    pub steps: Vec<Step>,
    pub notes: Vec<Note>,
    /// Input keys worth asking now (the engine decides; the page asks).
    pub ask: Vec<&'static str>,
}

impl Explained {
    pub fn step(&mut self, rule: Rule, msg: Msg, values: Values) {
        self.steps.push(Step::new(rule, msg, values));
    }
    pub fn note(&mut self, msg: Msg, values: Values) {
        self.notes.push(Note::new(msg, values));
    }
    pub fn ask(&mut self, key: &'static str) {
        if !self.ask.contains(&key) {
            self.ask.push(key);
        }
    }
}
