import type { ReactNode } from "react";

/** The narrow card the sign-in, reset and invitation pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro && <p className="mt-2 text-sm text-stone-700">{intro}</p>}
      <div className="mt-5">{children}</div>
    </div>
  );
}

export const primaryButton =
  "min-h-11 w-full rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
