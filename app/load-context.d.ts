import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The address the request came from (Express's req.ip), for per-address limits. */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce. */
    cspNonce?: string;
  }
}
