import { createContext, useContext, useState } from "react";

/**
 * The id of the request an error page answers, shown to the person so support can find the
 * server's log line. Server renders read it from the request context; the browser reads it from
 * the server-rendered page (hydration) or from the failed request's X-Request-Id (navigations).
 */
export const RequestIdContext = createContext<string | undefined>(undefined);

const ELEMENT_ID = "error-reference";
let lastFailedRequestId: string | undefined;

/** entry.client: remember the X-Request-Id of the last server error a navigation or form got. */
export function watchFailedRequests(): void {
  const original = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await original(...args);
    if (response.status >= 500) lastFailedRequestId = response.headers.get("X-Request-Id") ?? lastFailedRequestId;
    return response;
  };
}

export function useErrorRequestId(): string | undefined {
  const fromServer = useContext(RequestIdContext);
  const [id] = useState(() => {
    if (typeof document === "undefined") return fromServer;
    return document.getElementById(ELEMENT_ID)?.dataset.requestId ?? lastFailedRequestId;
  });
  return id;
}

export const ERROR_REFERENCE_ELEMENT_ID = ELEMENT_ID;
