import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./observability/logger.server";
import { RequestIdContext } from "./observability/request-id";
import { currentRequest } from "./observability/request-context.server";
import { htmlBodyStream } from "./utils/html-stream.server";
import { NonceContext } from "./utils/nonce";

// The server (server.mjs) reaches these through the build's entry module, so start-up runs
// inside the same bundle that serves requests: one database, opened once.
export { boot, BootError, shutdown } from "./boot.server";
export { serveDatabaseThread } from "./utils/db-thread.server";
export * as observability from "./observability/server-api.server";

/**
 * Errors thrown by loaders and actions: logged once with the request id and stack. The person
 * sees only the id (the error page shows it), which finds this line.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return; // the client went away; nothing failed
  logger().error({ err: error }, "unexpected error");
}

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers get the whole document at once; people get it streamed as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RequestIdContext.Provider value={currentRequest()?.id}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestIdContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          const body = htmlBodyStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Pages are personal (cart count, sessions) unless a route says otherwise.
          if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger().error({ err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
