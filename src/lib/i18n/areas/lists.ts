/** UI strings of the lists views, Thai first; merged into MESSAGES (../messages.ts). */
export const LISTS_MESSAGES = {} as const satisfies Record<string, { th: string; en: string }>;
