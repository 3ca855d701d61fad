// 家族の一覧 for pages: `householdDates(people)` answers for a whole household
// at once (each person as `cardDates` and `adviseDocuments` answer them) and
// says in which order they need to act. A module of its own beside the API
// module, so pages that answer one person do not download it:
//   import init from 'myna-hoken';
//   import { householdDates } from 'myna-hoken/household';
import * as API from './myna-hoken-api.js';
import { MAX_LABEL, MAX_PEOPLE, householdDates as answer, today, upcoming } from './household.js';

export { MAX_LABEL, MAX_PEOPLE, today, upcoming };

/**
 * Every person's answer and the overview's order. `people`: up to 10 objects,
 * each `{ label?, membership?, registered?, …cardDates keys }`; `options`:
 * `{ asOf?, lang? }`, the same day and language for everyone.
 */
export const householdDates = (people, options) => answer(API, people, options);
