/** The lists (not_done, zero_budget, no_report, failed_docs): scoped SQL → pages, CSV, Arrow. */
export type { ListPage } from '../../lists/page.ts';
export {
	cachedSnapshot,
	LIST_SNAPSHOTS,
	loadListPage,
	unknownProvinces,
	type PageResult
} from './page.ts';
export {
	listOrders,
	orderName,
	readSnapshot,
	snapshotList,
	type ListOrder,
	type ListSnapshot
} from './snapshot.ts';
export { serveList } from './http.ts';
export { countList, fetchList, LIST_SPECS, orderBy, toListRow, type ListQuery } from './query.ts';
export { listArrow, listCsv, exportHeader } from './export.ts';
