import type { ReactNode } from "react";

/** A one-line confirmation (role=status) or problem (role=alert) at the top of a portal page. */
export function Notice({
  tone = "ok",
  children,
  testId,
}: {
  tone?: "ok" | "error";
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "ok" ? "status" : "alert"}
      data-testid={testId}
      className={`rounded border p-3 text-sm ${tone === "ok" ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      {children}
    </div>
  );
}
