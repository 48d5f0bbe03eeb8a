/** Who sees what: the viewer of a request, its scope, and which routes it may open. */
export { authorize, ROUTE_ACCESS, type Access, type Decision } from './routes.ts';
export {
	ANONYMOUS,
	effectiveRole,
	isAdmin,
	scopeOf,
	type EffectiveRole,
	type Role,
	type ViewAs,
	type Viewer,
	type ViewerAccount
} from './viewer.ts';
export { safeNext } from './next.ts';
export { refusalPage, REFUSAL_CSP } from './refusal-page.ts';
