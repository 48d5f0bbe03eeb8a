import { char, check, pgTable, text } from 'drizzle-orm/pg-core';
import type { Region } from '../seed/provinces.ts';
import { isOneOf, PROVINCE_REGIONS } from './values.ts';

/** The 77 provinces (db/seed/provinces.ts), upserted by `migrate()`. */
export const provinces = pgTable(
	'provinces',
	{
		/** ISO 3166-2:TH without the prefix, which is also the DLA province code: '52'. */
		code: char('code', { length: 2 }).primaryKey(),
		iso: text('iso').notNull().unique(),
		nameTh: text('name_th').notNull().unique(),
		nameEn: text('name_en').notNull(),
		region: text('region').$type<Region>().notNull()
	},
	(t) => [check('provinces_region_check', isOneOf(t.region, PROVINCE_REGIONS))]
);
