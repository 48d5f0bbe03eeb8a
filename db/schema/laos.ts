import {
	boolean,
	char,
	check,
	doublePrecision,
	index,
	integer,
	pgTable,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import type { LaoType } from '../../etl/parse/common/types.ts';
import { loadRuns } from './load-runs.ts';
import { provinces } from './provinces.ts';
import { isOneOf, LAO_TYPES } from './values.ts';

/** The DLA register: one row per LAO (plus Bangkok under 'BMA', etl/registry/records.ts). */
export const laos = pgTable(
	'laos',
	{
		dlaCode: text('dla_code').primaryKey(),
		type: text('type').$type<LaoType>().notNull(),
		/** Without the type prefix: "พิชัย", not "เทศบาลเมืองพิชัย". Not unique. */
		nameTh: text('name_th').notNull(),
		provinceCode: char('province_code', { length: 2 })
			.notNull()
			.references(() => provinces.code),
		districtTh: text('district_th'),
		lat: doublePrecision('lat'),
		lon: doublePrecision('lon'),
		areaKm2: doublePrecision('area_km2'),
		isSynthetic: boolean('is_synthetic').notNull().default(false),
		loadRunId: integer('load_run_id').references(() => loadRuns.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('laos_type_check', isOneOf(t.type, LAO_TYPES)),
		index('laos_province_code_idx').on(t.provinceCode),
		index('laos_load_run_id_idx').on(t.loadRunId)
	]
);
