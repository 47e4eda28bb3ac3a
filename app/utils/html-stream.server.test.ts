import { describe, expect, it } from "vitest";
import { htmlBodyStream } from "./html-stream.server";

function collect(stream: ReturnType<typeof htmlBodyStream>) {
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(Buffer.from(chunk).toString("utf8")));
  return new Promise<string[]>((resolve) => stream.on("end", () => resolve(chunks)));
}

describe("htmlBodyStream", () => {
  it("joins what is written in one turn of the event loop into one chunk", async () => {
    const stream = htmlBodyStream();
    const read = collect(stream);
    stream.write(Buffer.from("<!DOCTYPE html><html>"));
    stream.write(Buffer.from("<body>茶"));
    stream.write(Buffer.from("</body>"));
    await new Promise((resolve) => setImmediate(resolve));
    stream.write(Buffer.from("<script>late</script>"));
    stream.end(Buffer.from("</html>"));
    expect(await read).toEqual(["<!DOCTYPE html><html><body>茶</body>", "<script>late</script></html>"]);
  });

  it("drops NUL bytes, even where they fall between two writes", async () => {
    const stream = htmlBodyStream();
    const read = collect(stream);
    stream.write(Buffer.from([0x3c, 0x70, 0x3e, 0xe8, 0x8c, 0x00]));
    stream.write(Buffer.from([0xb6, 0x00, 0x3c, 0x2f, 0x70, 0x3e]));
    stream.end();
    expect((await read).join("")).toBe("<p>茶</p>");
  });
});
