// Rewrites the README's issue table from etl/errors.ts (npm run docs:issues).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCatalogue } from '../etl/errors.ts';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const next = readme.replace(
	/<!-- issue-catalogue:start -->\n[\s\S]*?<!-- issue-catalogue:end -->/,
	`<!-- issue-catalogue:start -->\n${renderCatalogue()}\n<!-- issue-catalogue:end -->`
);
writeFileSync(path, next);
