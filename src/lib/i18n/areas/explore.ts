/** UI strings of the explore views, Thai first; merged into MESSAGES (../messages.ts). */
export const EXPLORE_MESSAGES = {} as const satisfies Record<string, { th: string; en: string }>;
