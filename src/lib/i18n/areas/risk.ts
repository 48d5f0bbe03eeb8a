/** UI strings of the risk views, Thai first; merged into MESSAGES (../messages.ts). */
export const RISK_MESSAGES = {} as const satisfies Record<string, { th: string; en: string }>;
