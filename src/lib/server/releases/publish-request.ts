/**
 * What a POST to /publish asks for, checked before anything touches the database: who asks (the
 * publisher is the signed-in account, null otherwise), in which scope (national only: an officer
 * gets a 403 even if the route table let them through), with which note and against which latest
 * version. Bad input is a value (`fail(400)`), a wrong scope an HTTP error.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { t, type Lang } from '../../i18n/index.ts';
import { parseNote, type NoteResult } from '../../releases/note.ts';
import type { Viewer } from '../access/viewer.ts';
import { scopeFor, type Scope } from '../extracts/scope.ts';

export interface PublishRequest {
	scope: Scope & { kind: 'national' };
	publishedBy: number | null;
	note: string;
	/** The latest version the analyst previewed (0: none); publishing refuses if it moved. */
	basedOn: number;
}

export type PublishRefusal = ActionFailure<{
	note: string;
	error: Extract<NoteResult, { ok: false }>['code'] | 'based_on' | 'stale';
	length: number;
}>;

/** National scope or an error: 401 without any scope, 403 for a provincial one. */
export function nationalScope(locals: object, lang: Lang): Scope & { kind: 'national' } {
	const scope = scopeFor(locals);
	if (scope.kind !== 'national') error(403, t('publish_forbidden', lang));
	return scope;
}

export function readPublishRequest(
	form: FormData,
	locals: { viewer: Viewer; scope: Scope | null },
	lang: Lang
): PublishRequest | PublishRefusal {
	const scope = nationalScope(locals, lang);
	const raw = form.get('note');
	const typed = typeof raw === 'string' ? raw : '';
	const note = parseNote(raw);
	if (!note.ok) return fail(400, { note: typed, error: note.code, length: note.length });
	const basedOn = form.get('based_on');
	if (typeof basedOn !== 'string' || !/^(0|[1-9][0-9]{0,8})$/.test(basedOn)) {
		return fail(400, { note: typed, error: 'based_on', length: 0 });
	}
	const viewer = locals.viewer;
	return {
		scope,
		publishedBy: viewer.kind === 'account' ? viewer.account.id : null,
		note: note.note,
		basedOn: Number(basedOn)
	};
}

/** Someone published after the analyst's preview: nothing was published. */
export const stale = (note: string): PublishRefusal =>
	fail(409, { note, error: 'stale', length: 0 });
