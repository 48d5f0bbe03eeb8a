/** One LAO's page: its documents, per-year stages and the follow-through table (/lao/[code]). */
export { isDlaCode } from './code.ts';
export { followThrough, matchByName, type FollowInput } from './follow.ts';
export { getLaoPage } from './page.ts';
export { followView } from './view.ts';
export { yearSummaries } from './year-summary.ts';
