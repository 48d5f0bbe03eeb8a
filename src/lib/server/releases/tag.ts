import { createHash } from 'node:crypto';

/** Bump when a release extract's columns change: it changes every tag, so every extract URL. */
export const RELEASE_FORMAT_VERSION = '1';

/**
 * A release's tag (ReleaseSummary.tag): 16 base64url characters of SHA-256 over the extract
 * format, the version, the publication instant and the data version. Equal releases, equal tag;
 * a "version 1" published again in a rebuilt database gets another.
 */
export function releaseTag(release: {
	version: number;
	publishedAt: Date;
	dataVersion: string;
}): string {
	return createHash('sha256')
		.update(
			[
				RELEASE_FORMAT_VERSION,
				String(release.version),
				release.publishedAt.toISOString(),
				release.dataVersion
			].join('\n')
		)
		.digest('base64url')
		.slice(0, 16);
}
