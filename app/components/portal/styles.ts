/** Class lists the portal's pages share, so buttons and panels look the same everywhere. */
export const panel = "rounded-lg border border-stone-200 bg-white p-4";
export const primaryButton =
  "inline-flex min-h-11 items-center justify-center rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60";
export const dangerButton =
  "inline-flex min-h-11 items-center justify-center rounded border border-red-700 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50";
