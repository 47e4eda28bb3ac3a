/**
 * One ticker per process and view: while at least one screen is connected it reads the figures
 * once per tick (one database query, whatever the number of screens) and pushes them to every
 * open event stream; with no screen connected it reads nothing. The page itself is rendered from
 * the same cached figures, so loading /live costs no query of its own within a tick.
 */
export interface Subscriber {
  send(chunk: string): void;
  close(): void;
}

const HEARTBEAT_MS = 15_000;

export class LiveTicker<T> {
  private subscribers = new Set<Subscriber>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private latest: { at: number; value: T; json: string } | undefined;
  private reading: Promise<T> | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly tickMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** The newest figures: the cached ones if read within the last tick, else one (shared) read. */
  async current(): Promise<T> {
    if (this.latest && Date.now() - this.latest.at < this.tickMs) return this.latest.value;
    return this.refresh();
  }

  /** Adds a screen: it gets the newest figures at once, then every change. Returns its removal. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    subscriber.send(`retry: 3000\n\n`);
    if (this.latest) subscriber.send(`data: ${this.latest.json}\n\n`);
    else void this.current().catch(this.onError);
    this.start();
    return () => this.unsubscribe(subscriber);
  }

  /** Ends every stream (the process is draining); screens reconnect to another server. */
  closeAll(): void {
    for (const subscriber of [...this.subscribers]) {
      this.unsubscribe(subscriber);
      subscriber.close();
    }
  }

  private unsubscribe(subscriber: Subscriber) {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stop();
  }

  private start() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(this.onError), this.tickMs);
    this.timer.unref?.();
    this.heartbeat = setInterval(() => this.broadcast(`: ping\n\n`), HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  private stop() {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.timer = this.heartbeat = undefined;
  }

  private refresh(): Promise<T> {
    // Concurrent callers (a tick and a page load) share one read.
    this.reading ??= this.read()
      .then((value) => {
        const json = JSON.stringify(value);
        const changed = json !== this.latest?.json;
        this.latest = { at: Date.now(), value, json };
        if (changed) this.broadcast(`data: ${json}\n\n`);
        return value;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  private broadcast(chunk: string) {
    for (const subscriber of this.subscribers) {
      try {
        subscriber.send(chunk);
      } catch {
        this.unsubscribe(subscriber);
      }
    }
  }
}

/** A text/event-stream response fed by a ticker, ended when the client leaves or the server drains. */
export function eventStream<T>(
  request: Request,
  ticker: LiveTicker<T>,
  onDrain: (listener: () => void) => () => void,
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const unsubscribe = ticker.subscribe({
        send: (chunk) => open && controller.enqueue(encoder.encode(chunk)),
        close,
      });
      const stopWatchingDrain = onDrain(close);
      cleanup = () => {
        unsubscribe();
        stopWatchingDrain();
      };
      request.signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // Never stored or transformed by a cache or the compression middleware: each event must
      // reach the screen when it is sent (Varnish: pass, see README "The fair wall").
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
