/** UI strings of the lao views, Thai first; merged into MESSAGES (../messages.ts). */
export const LAO_MESSAGES = {} as const satisfies Record<string, { th: string; en: string }>;
