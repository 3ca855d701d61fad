// What the parts loaded on demand (family.js) use of the element's own
// modules, handed to them rather than imported: imported, a bundler moves the
// shared modules into a chunk of their own, which the element's file would
// then load on every visit.
import { h, withPhones } from './dom.js';
import { API } from './engine.js';
import { choiceField } from './fields.js';
import { buildForm, readForm } from './forms.js';
import { renderResult } from './results.js';
import { typed } from './state.js';

export const KIT = { h, withPhones, API: () => API, choiceField, buildForm, readForm, renderResult, typed };
