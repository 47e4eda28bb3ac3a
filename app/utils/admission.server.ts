/**
 * Admission control for one process: at most `slots` tasks run at once, the rest wait in order,
 * and a task that would wait longer than `maxWaitMs` (or find `maxQueue` already waiting) is
 * refused with BusyError instead of piling onto the database. Load shedding only: nothing
 * shared between processes lives here, each process guards its own share of the pool.
 */

/** The server is too busy to start this now; the caller answers 503 with Retry-After. */
export class BusyError extends Error {
  constructor(reason: string) {
    super(`busy: ${reason}`);
    this.name = "BusyError";
  }
}

interface Waiter {
  start(): void;
  timer: ReturnType<typeof setTimeout>;
}

export class Admission {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: { slots: number; maxWaitMs: number; maxQueue: number }) {}

  /** Tasks running and waiting right now (for tests and metrics). */
  get load() {
    return { running: this.running, waiting: this.queue.length };
  }

  /** Runs `task` once a slot is free; throws BusyError if none frees up in time. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.slots) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new BusyError(`${this.queue.length} already waiting`));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.running++;
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(new BusyError(`no slot within ${this.options.maxWaitMs} ms`));
        }, this.options.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release() {
    this.running--;
    const next = this.queue.shift();
    next?.start();
  }
}
