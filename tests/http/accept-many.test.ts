/**
 * server/accept-many.mjs: the listening socket watched through several descriptors, so one busy
 * event-loop turn accepts many waiting connections instead of one (Node 20's libuv accepts one
 * per descriptor per turn).
 */
import http, { type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { acceptMany } from "../../server/accept-many.mjs";

const opened: Array<Server | net.Socket> = [];
afterEach(async () => {
  const things = opened.splice(0);
  for (const thing of things) if (thing instanceof net.Socket) thing.destroy();
  for (const thing of things)
    if (!(thing instanceof net.Socket)) {
      const closed = new Promise((resolve) => thing.close(resolve));
      thing.closeAllConnections();
      await closed;
    }
});

async function listen(): Promise<{ server: Server; port: number }> {
  const server = http.createServer((req, res) => {
    res.setHeader("Connection", "keep-alive");
    res.end(`served ${req.url} to ${req.socket.remoteAddress}`);
  });
  opened.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Opens `count` connections while the event loop is held busy (the kernel completes the
 * handshakes meanwhile), then counts how many the server accepted in the first turn after it.
 */
async function acceptedInOneTurn(server: Server, port: number, count: number): Promise<number> {
  let accepted = 0;
  server.on("connection", () => accepted++);
  for (let i = 0; i < count; i++) opened.push(net.connect(port, "127.0.0.1"));
  // From the check phase of a turn: busy while the kernel completes the handshakes (the
  // connections wait in the listen queue), then count what the next turn's poll phase accepted.
  return new Promise((resolve) =>
    setImmediate(() => {
      const until = performance.now() + 200;
      while (performance.now() < until) {
        // a busy turn
      }
      const before = accepted;
      setImmediate(() => resolve(accepted - before));
    }),
  );
}

describe("acceptMany", () => {
  it("accepts many waiting connections in one event-loop turn, where a plain server accepts one", async () => {
    const plain = await listen();
    expect(await acceptedInOneTurn(plain.server, plain.port, 20)).toBe(1);

    const many = await listen();
    expect(await acceptMany(many.server, { listeners: 16 })).toBe(16);
    expect(await acceptedInOneTurn(many.server, many.port, 20)).toBe(16);
  });

  it("serves every connection a copy accepted as the server's own (HTTP, keep-alive, the client's address)", async () => {
    const { server, port } = await listen();
    await acceptMany(server, { listeners: 8 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 30 });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => fetchText(`http://127.0.0.1:${port}/page-${i}`, agent)),
    );
    agent.destroy();
    expect(answers).toEqual(Array.from({ length: 60 }, (_, i) => `served /page-${i} to 127.0.0.1`));
  });

  it("stops every copy accepting when the server closes", async () => {
    const { server, port } = await listen();
    await acceptMany(server, { listeners: 8 });
    opened.splice(opened.indexOf(server), 1);
    await new Promise((resolve) => server.close(resolve));
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.on("connect", () => resolve("connected"));
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });

  it("leaves a server as it was when it has no descriptor yet (not listening) or one listener is asked for", async () => {
    expect(await acceptMany(http.createServer())).toBe(1);
    expect(await acceptMany((await listen()).server, { listeners: 1 })).toBe(1);
  });
});

function fetchText(url: string, agent: http.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}
