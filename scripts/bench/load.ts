/** One autocannon run against a page, with the server's peak memory while it ran. */
import autocannon from "autocannon";
import { sampleMemory } from "./processes";

/** What a phone's browser sends: compression is part of what the server does for real visitors. */
export const BROWSER_HEADERS = {
  "user-agent":
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
};

let addressCounter = 0;
/**
 * A different client address for every request (198.18.0.0/15, the range set aside for
 * benchmarks; only ever a header value, never a destination): thousands of phones, not one, so
 * the per-address limits the app applies (e.g. on search) count each visitor, as in production
 * behind the load balancer (TRUST_PROXY).
 */
export function nextClientAddress(): string {
  const n = addressCounter++ % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

export interface LoadOptions {
  baseUrl: string;
  /** Paths taken in turn by each connection. */
  paths: string[];
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** The process whose memory is sampled. */
  pid?: number;
  /** Whether each request gets its own X-Forwarded-For address. */
  spreadAddresses?: boolean;
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response size in bytes (as sent, i.e. compressed when the server compressed it). */
  bytesPerResponse: number;
  peakRssMb: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const memory = options.pid ? sampleMemory(options.pid) : undefined;
  const headers = { ...BROWSER_HEADERS, ...options.headers };
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    headers,
    requests: options.paths.map((path) => ({
      method: "GET" as const,
      path,
      ...(options.spreadAddresses
        ? {
            setupRequest: (request: autocannon.Request) => ({
              ...request,
              headers: { ...request.headers, "x-forwarded-for": nextClientAddress() },
            }),
          }
        : {}),
    })),
  });
  const peakRssMb = memory?.stop() ?? 0;
  const ok = result["2xx"];
  const total = ok + result.non2xx;
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: total > 0 ? result.throughput.total / total : 0,
    peakRssMb,
  };
}
