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

/** The one path that takes requests from another server (Stripe), signed, with a JSON body. */
export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";

/**
 * A short plain-text answer. The request's body is drained first (and discarded): answering
 * before the client has finished sending would reset the connection under it, and the client
 * would see a network error instead of the message.
 */
const plain = (res, status, text) => {
  res.req.resume();
  res.status(status).type("text/plain; charset=utf-8").send(`${text}\n`);
};

/**
 * Only the Stripe webhook lives under /webhooks: any other path there is 404 before it reaches
 * Remix (whose `($lang)` routes would otherwise take "webhooks" for a language), so the
 * webhook's exemptions below can never be borrowed by another route.
 */
export function onlyKnownWebhooks() {
  return (req, res, next) => {
    if (/^\/webhooks(\/|$)/i.test(req.path) && req.path !== STRIPE_WEBHOOK_PATH) {
      plain(res, 404, "Not found.\n未找到。");
      return;
    }
    next();
  };
}

/**
 * Refuses state-changing requests sent from another site (cross-site request forgery): a
 * browser names the page a POST came from in Origin (and Sec-Fetch-Site). Only the Stripe
 * webhook, server-to-server and signed, is exempt, by its exact path. Forwarded host and
 * protocol count only behind a proxy we were told to trust (TRUST_PROXY): otherwise anyone can
 * send X-Forwarded-Host to make their own origin look like ours.
 */
export function rejectForeignOrigin({
  exempt = [STRIPE_WEBHOOK_PATH],
  // server.mjs passes the checked setting (env schema); the raw read is for test harnesses only.
  trustProxy = Boolean(process.env.TRUST_PROXY),
} = {}) {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || exempt.includes(req.path)) return next();
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    const own = `${req.protocol}://${req.get("host")}`;
    const forwardedHost = trustProxy ? req.get("x-forwarded-host") : undefined;
    const forwardedOwn = forwardedHost
      ? `${req.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.protocol}://${forwardedHost.split(",")[0].trim()}`
      : null;
    const foreignOrigin = origin && origin !== "null" && origin !== own && origin !== forwardedOwn;
    if (foreignOrigin || origin === "null" || site === "cross-site") {
      plain(res, 403, "Forbidden: this request came from another site.\n禁止：请求来自其他网站。");
      return;
    }
    next();
  };
}

const UNREADABLE_FORM = "Bad request: the form could not be read.\n请求无效：无法读取表单。";
const TOO_LARGE_FORM = "Too large: this form is bigger than any form of ours.\n内容过大：超出表单允许的大小。";

/** Bodies the site's forms can send: a urlencoded form, or multipart for a photo upload. */
export const FORM_LIMITS = {
  "application/x-www-form-urlencoded": 1024 * 1024,
  // A 5 MB photo plus its form fields and framing (app/catalog/uploads.server.ts).
  "multipart/form-data": 5 * 1024 * 1024 + 64 * 1024,
};

/**
 * Every form action reads a form: anything else (JSON, text/plain, no type at all, multipart
 * without its boundary, more bytes than any form of ours sends) is answered here with a short
 * 4xx, before Remix, for every route at once. The Stripe webhook reads its own raw JSON.
 */
export function rejectMalformedBodies({ exempt = [STRIPE_WEBHOOK_PATH] } = {}) {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || exempt.includes(req.path)) return next();
    const contentType = req.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0].trim().toLowerCase();
    const limit = FORM_LIMITS[mediaType];
    if (limit === undefined) {
      plain(res, 415, "Unsupported body: send the page's form.\n请求格式不受支持：请通过页面上的表单提交。");
      return;
    }
    if (mediaType === "multipart/form-data" && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType)) {
      plain(res, 400, UNREADABLE_FORM);
      return;
    }
    const length = Number(req.get("content-length") ?? 0);
    if (length > limit) {
      plain(res, 413, TOO_LARGE_FORM);
      return;
    }
    next();
  };
}

const textResponse = (status, text) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const unreadableForm = () => textResponse(400, UNREADABLE_FORM);
const tooLargeForm = () => textResponse(413, TOO_LARGE_FORM);

/**
 * Wraps each route's action so that `request.formData()` reads at most the form limit (also
 * when the body comes without Content-Length), and a body the form parser cannot read (broken
 * multipart, bad framing) is a 400 Response instead of an error thrown deep inside the action,
 * which Remix would answer with a 500. One wrapper over the whole build covers every action,
 * including ones added later. (Photo uploads stream the body through their own limits.)
 */
export function guardFormBodies(build) {
  const routes = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = action ? { ...route, module: { ...route.module, action: guardedAction(action) } } : route;
  }
  return { ...build, routes };
}

function guardedAction(action) {
  return (args) => {
    const { request } = args;
    const contentType = request.headers.get("content-type") ?? "";
    const limit = FORM_LIMITS[contentType.split(";")[0].trim().toLowerCase()];
    if (limit !== undefined && request.body)
      request.formData = async () => {
        const bytes = await readAtMost(request, limit);
        try {
          return await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
        } catch {
          throw unreadableForm();
        }
      };
    return action(args);
  };
}

async function drain(reader) {
  try {
    while (!(await reader.read()).done);
  } catch {
    // the client went away: nothing left to drain
  }
}

/** The body's bytes, or a thrown 413 Response as soon as it passes `limit`. */
async function readAtMost(request, limit) {
  const chunks = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      throw unreadableForm();
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      // Drain the rest unread rather than cancel: cancelling destroys the socket, and the client
      // would see a reset instead of the 413.
      void drain(reader);
      throw tooLargeForm();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
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
