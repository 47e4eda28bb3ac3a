// The floor of the benchmark: Node.js's own HTTP server answering one fixed page, with no
// framework, no compression and no database. Started by `npm run bench` on a loopback port.
import http from "node:http";

const page = Buffer.from(
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>基准页 · Benchmark baseline</title></head>` +
    `<body><h1>基准页 · Benchmark baseline</h1><p>A fixed page from a bare Node.js server.</p></body></html>`,
);
const port = Number(process.env.PORT ?? 0);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
  res.end(page);
});
server.listen(port, "127.0.0.1", () => console.log(`bare server on http://127.0.0.1:${server.address().port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
