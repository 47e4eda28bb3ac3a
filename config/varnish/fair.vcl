vcl 4.1;
# The fair's shared cache (ADR 007): Varnish 7 with varnish-modules' xkey for tag purges.
# `npm run start:cached` (scripts/start-cached.mjs) starts varnishd with this file, after
# putting the app's internal address into the backend below.

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "3001"; # replaced by scripts/start-cached.mjs with the app's internal port
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Compression (ADR 009, docs/benchmarks.md): the app behind this cache sends plain text
# (`npm run start:cached` runs it with COMPRESSION=off) and Varnish gzips it here, once per stored
# object rather than once per response, and on the fly for what it passes; a browser that does not
# accept gzip gets it unzipped (http_gzip_support, on by default). Event streams are left alone:
# gzip would hold their events back until its buffer fills.
sub vcl_backend_response {
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/(html|css|plain|xml|javascript|x-script)|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
}

# Only the app servers may purge: loopback here; add the app servers' private addresses when
# they run on other machines (and list this cache in their CACHE_PURGE_URL).
acl purgers {
    "127.0.0.1";
    "::1";
}

# ---------------------------------------------------------------------------------------------
# The fair wall's event streams, the request id and the cache status (issue 16). VCL joins subs of
# the same name in the order they appear, so these run before the general ones below; each ends
# only the requests it owns, and falls through otherwise.

sub vcl_recv {
    # One request id end to end: a balancer's in front if it looks like one, else this cache's
    # own (the time and Varnish's transaction id, so a restart does not repeat one). The app keeps
    # it for its log line of a miss or pass; varnishncsa logs it for a hit (scripts/start-cached.mjs).
    if (req.http.X-Request-Id !~ "^[A-Za-z0-9_.:-]{8,64}$") {
        set req.http.X-Request-Id = "v" + std.integer(time=now) + "-" + req.xid;
    }
    # Never believe a client's word on what the cache did.
    unset req.http.X-Cache-Status;
    # The fair wall's server-sent events, public and the organisers': straight through to the
    # app, never stored, never buffered (each event must reach the screen when it is sent).
    if ((req.method == "GET" || req.method == "HEAD") && req.url ~ "^/(admin/)?live/events([/?]|$)") {
        return (pass);
    }
}

sub vcl_backend_fetch {
    # The app logs what the cache did (its "cache" field): only misses and passes reach it.
    if (bereq.uncacheable) {
        set bereq.http.X-Cache-Status = "pass";
    } elsif (bereq.is_bgfetch) {
        set bereq.http.X-Cache-Status = "bgfetch";
    } else {
        set bereq.http.X-Cache-Status = "miss";
    }
    # An event stream may stay quiet for up to the 15 s heartbeat (while the figures cannot be
    # read, the ticker sends nothing else): longer than the backend's between_bytes_timeout.
    if (bereq.url ~ "^/(admin/)?live/events([/?]|$)") {
        set bereq.between_bytes_timeout = 60s;
    }
}

sub vcl_backend_response {
    # Whatever the app answered on an event stream: streamed as it comes, not compressed here (a
    # gzip buffer would hold events back), never stored.
    if (beresp.http.Content-Type ~ "^text/event-stream" || bereq.url ~ "^/(admin/)?live/events([/?]|$)") {
        set beresp.do_stream = true;
        set beresp.do_gzip = false;
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    # What the cache did, for the client (and the tests): HIT, MISS or PASS.
    if (obj.uncacheable) {
        set resp.http.X-Cache-Status = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache-Status = "HIT";
    } else {
        set resp.http.X-Cache-Status = "MISS";
    }
    # A stored page carries the id of the request that filled it: give this request its own.
    set resp.http.X-Request-Id = req.http.X-Request-Id;
}

# ---------------------------------------------------------------------------------------------

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # xkey-purge: space-separated surrogate keys (product:<id> ledger …)
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A buyer's own pages, sign-in, the portal, the console and machine endpoints: never stored,
    # never served from the cache, whatever they send.
    if (req.url ~ "^/(en/)?(cart|checkout|orders|pay|login|logout|forgot-password|reset-password|invite)([/?]|$)"
        || req.url ~ "^/(portal|admin|webhooks|healthz|metrics|bench)([/?]|$)") {
        return (pass);
    }
    # A signed-in organiser or cooperative sees pages rendered for them.
    if (req.http.Cookie ~ "(^|;\s*)fair_session=") {
        return (pass);
    }
    # Everyone else gets the shared copy: the catalogue renders nothing from the cart cookie
    # (the cart count is fetched by the page from /cart/count, which is passed above).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Errors are never shared, and nothing that sets a cookie is ever stored.
    if (beresp.status != 200 || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Only what the app marks public with s-maxage is stored (the app's default is private);
    # builtin rules already refuse private, no-store and no-cache.
    if (beresp.http.Cache-Control !~ "s-maxage" && beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
