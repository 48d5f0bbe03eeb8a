import { writeFilters, type ViewFilters } from '../state/url-filters.ts';
import { DEFAULT_SORT, type ListName, type SortDir } from './columns.ts';
import type { ListPage } from './page.ts';
import { listSearch } from './request.ts';

/** Which list, order and page the panel shows; the view filters come from outside. */
export interface ListView {
	list: ListName;
	sort: string;
	dir: SortDir;
	page: number;
}

export const viewOf = (p: ListPage): ListView => ({
	list: p.list,
	sort: p.sort,
	dir: p.dir,
	page: p.page
});

/** The key of a request: equal keys, equal pages (no refetch). */
export const requestKey = (view: ListView, filters: ViewFilters) =>
	`${view.list}?${listSearch({ ...view, filters })}`;

/**
 * The panel's state: the view, the page shown and the fetch in flight. A change of view or
 * filters fetches /api/lists/<list> (JSON); an answer that arrives after a newer request is
 * dropped, so fast clicks never show a stale page.
 */
export class ListsModel {
	view = $state<ListView>({ list: 'not_done', ...DEFAULT_SORT.not_done, page: 1 });
	data = $state<ListPage | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	#latest = '';

	constructor(initial: ListPage | null, list?: ListName) {
		if (initial) {
			this.data = initial;
			this.view = viewOf(initial);
		} else if (list) {
			this.view = { list, ...DEFAULT_SORT[list], page: 1 };
		}
	}

	/** Shows `page` as it is (a server-rendered page after a navigation). */
	adopt(page: ListPage): void {
		this.#latest = requestKey(viewOf(page), page.filters);
		this.data = page;
		this.view = viewOf(page);
		this.error = null;
	}

	choose(list: ListName): void {
		this.view = { list, ...DEFAULT_SORT[list], page: 1 };
	}

	/** A click on a column: the same column flips the order, another starts ascending. */
	sortBy(key: string): void {
		const { sort, dir } = this.view;
		this.view = {
			...this.view,
			sort: key,
			dir: sort === key && dir === 'asc' ? 'desc' : 'asc',
			page: 1
		};
	}

	goTo(page: number): void {
		this.view = { ...this.view, page };
	}

	async load(filters: ViewFilters, lang: string): Promise<void> {
		const key = requestKey(this.view, filters);
		if (this.data && requestKey(viewOf(this.data), this.data.filters) === key) return;
		this.#latest = key;
		this.loading = true;
		try {
			const search = listSearch({ ...this.view, filters, format: 'json' }, { lang });
			const res = await fetch(`/api/lists/${this.view.list}?${search}`);
			const body = (await res.json()) as ListPage | { error: string };
			if (this.#latest !== key) return;
			if (!res.ok || 'error' in body) {
				this.error = 'error' in body ? body.error : `${res.status}`;
				return;
			}
			this.data = body;
			this.error = null;
		} catch (e) {
			if (this.#latest === key) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (this.#latest === key) this.loading = false;
		}
	}

	/** The query string of the current view, for the address bar. */
	search(filters: ViewFilters, base: URLSearchParams): URLSearchParams {
		const out = writeFilters(filters, base);
		out.set('list', this.view.list);
		out.set('sort', this.view.sort);
		out.set('dir', this.view.dir);
		if (this.view.page > 1) out.set('page', String(this.view.page));
		else out.delete('page');
		return out;
	}
}
