// HTTP-level protections shared by the production server (server.mjs) and the tests that serve
// the app over HTTP (tests/support/http-app.ts), so what the tests check is what production runs.
import { randomBytes } from "node:crypto";

/**
 * A fresh nonce per response, and headers that lock the page down: a Content-Security-Policy
 * that runs only our scripts (the nonce covers Remix's inline hydration data), no framing, no
 * MIME sniffing; HSTS in production.
 */
export function securityHeaders({ production }) {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const policy = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      // Style attributes (bar widths in charts) need inline styles; there are no inline <style> blocks of our own.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      // Checkout redirects the form post on to Stripe's hosted page.
      "form-action 'self' https://checkout.stripe.com",
    ];
    if (production) policy.push("upgrade-insecure-requests");
    res.setHeader("Content-Security-Policy", policy.join("; "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent from another site (cross-site request forgery): a
 * browser names the page a POST came from in Origin (and Sec-Fetch-Site). Webhooks, which are
 * server-to-server and signed, are exempt.
 */
export function rejectForeignOrigin({ exempt = ["/webhooks/"] } = {}) {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || exempt.some((prefix) => req.path.startsWith(prefix))) return next();
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    const own = `${req.protocol}://${req.get("host")}`;
    const forwardedOwn = req.get("x-forwarded-host")
      ? `${req.get("x-forwarded-proto") ?? req.protocol}://${req.get("x-forwarded-host")}`
      : null;
    const foreignOrigin = origin && origin !== "null" && origin !== own && origin !== forwardedOwn;
    if (foreignOrigin || origin === "null" || site === "cross-site") {
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("Forbidden: this request came from another site.\n禁止：请求来自其他网站。");
      return;
    }
    next();
  };
}

// C0 control characters (NUL above all) have no business in a URL path, and PostgreSQL refuses
// NUL in text: answer 400 here rather than let a lookup fail deep inside.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function rejectControlCharacters() {
  return (req, res, next) => {
    let path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      res.status(400).type("text/plain; charset=utf-8").send("Bad request: malformed URL.\n请求无效：网址格式错误。");
      return;
    }
    if (CONTROL.test(path)) {
      res
        .status(400)
        .type("text/plain; charset=utf-8")
        .send("Bad request: control characters in the URL.\n请求无效：网址中含有控制字符。");
      return;
    }
    next();
  };
}
