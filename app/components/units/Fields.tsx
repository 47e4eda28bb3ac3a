/** Translates an i18n key (the schemas' messages are keys). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const submitButton = "min-h-11 rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800";
export const smallButton = "min-h-11 rounded border border-stone-400 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
export const panelBox = "space-y-3 rounded border border-stone-200 bg-white p-4";
