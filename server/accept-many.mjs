// Many connections accepted per event-loop turn.
//
// Node 20's libuv (1.46) accepts ONE connection each time the event loop polls: strace shows
// accept4 once per epoll_pwait, never until EAGAIN. A busy turn runs every ready request, so when
// a rush opens 100 connections at once, the last of them waits for ~100 busy turns before its
// first request is even read (docs/benchmarks.md, seventh round: the listen queue drained 54, 36,
// 21, 7, 1 over 2.5 s; a bare server burning 3 ms per request had p99 2.7 s at 100 connections).
//
// The remedy is nginx's multi_accept by other means: the same listening socket watched through
// several file descriptors. Each descriptor is one entry in the loop's epoll set, and each accepts
// one connection per turn, so N descriptors accept up to N per turn. Node has no dup(); the copies
// come from a short-lived child process (server/listener-copies.mjs) that is handed the socket and
// sends it back N - 1 times over its IPC channel (SCM_RIGHTS gives each one a descriptor of its
// own), the way node:cluster hands a listening socket to its workers. The child exits at once.
//
// Only for a TCP listener this process owns: a cluster worker in round-robin mode has no
// descriptor of its own (the primary accepts for it) and is left alone. Anything going wrong
// leaves the server as it was, with one descriptor, and says so in the log.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** 64 copies: a rush of 100 connections is in after two turns; an idle copy costs one failed accept. */
export const DEFAULT_LISTENERS = 64;
const COPIER = fileURLToPath(new URL("./listener-copies.mjs", import.meta.url));

/**
 * Adds `listeners - 1` copies of `server`'s listening socket, each handing what it accepts to
 * `server` as if `server` had accepted it. Resolves to the number of descriptors now accepting
 * (1 when nothing was added). Closing `server` closes the copies too.
 *
 * @param {import("node:net").Server} server  a listening TCP server (http.Server included)
 * @param {{ listeners?: number, logger?: { warn: (obj: object, msg: string) => void } }} [options]
 * @returns {Promise<number>}
 */
export async function acceptMany(server, { listeners = DEFAULT_LISTENERS, logger } = {}) {
  const fd = server._handle?.fd;
  const address = server.address();
  if (listeners <= 1 || typeof fd !== "number" || fd < 0 || address === null || typeof address === "string") return 1;
  // The copies are net.Servers of their own: what they accept goes to `server`'s 'connection'
  // listener (for an http.Server, its HTTP parser and its connection tracking), set up as
  // http.createServer sets up its own sockets (no Nagle delay on small writes).
  const handOver = (socket) => {
    socket.setNoDelay(true);
    server.emit("connection", socket);
  };
  let copies;
  try {
    copies = await copiesOf(fd, listeners - 1, handOver);
  } catch (error) {
    logger?.warn({ err: error }, "accept-many: no copies of the listening socket, accepting one connection per turn");
    return 1;
  }
  // server.close() stops the copies accepting at the same moment it stops the original.
  const close = server.close;
  server.close = function closeWithCopies(...args) {
    for (const copy of copies) if (copy.listening) copy.close();
    return close.apply(this, args);
  };
  return copies.length + 1;
}

/**
 * Asks a child process for `count` copies of the listening socket `fd`; a connection the child
 * happened to accept comes back through `handOver`.
 */
function copiesOf(fd, count, handOver) {
  return new Promise((resolve, reject) => {
    const copies = [];
    const child = fork(COPIER, [String(count)], {
      // fd 3 of the child is the listening socket; 4 is the IPC channel fork() adds.
      stdio: ["ignore", "inherit", "inherit", fd, "ipc"],
      execArgv: [],
    });
    const timer = setTimeout(() => fail(new Error("the copier did not answer within 10 s")), 10_000);
    const fail = (error) => {
      clearTimeout(timer);
      for (const copy of copies) copy.close();
      child.kill();
      reject(error);
    };
    child.on("message", (message, handle) => {
      if (message === "listener" && handle) {
        // It arrives listening: hand over from its first connection on.
        handle.on("connection", handOver);
        copies.push(handle);
      } else if (message === "connection" && handle) handOver(handle);
    });
    child.on("error", fail);
    // The child closes the channel once it no longer listens and every message it sent has been
    // read here: from then on nothing is accepted behind the server's back.
    child.on("disconnect", () => {
      clearTimeout(timer);
      if (copies.length === count) resolve(copies);
      else fail(new Error(`the copier stopped after sending ${copies.length} of ${count} copies`));
    });
  });
}
