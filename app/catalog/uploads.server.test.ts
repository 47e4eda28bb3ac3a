import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../tests/support/database";
import {
  checkImage,
  getUpload,
  MAX_UPLOAD_BYTES,
  readUploadForm,
  sniffImageType,
  storeImage,
  UploadError,
} from "./uploads.server";

const t = withTestDatabase();

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const WEBP = [...Buffer.from("RIFF"), 0x24, 0, 0, 0, ...Buffer.from("WEBPVP8 ")];
const bytes = (head: number[], length = 64) => {
  const out = new Uint8Array(Math.max(length, head.length));
  out.set(head);
  return out;
};

function uploadRequest(file: Blob, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("image", file, name);
  return new Request("http://x/upload", { method: "POST", body: form });
}

describe("image uploads", () => {
  it("know PNG, JPEG and WebP by their bytes, and nothing else", () => {
    expect(sniffImageType(bytes(PNG))).toBe("image/png");
    expect(sniffImageType(bytes(JPEG))).toBe("image/jpeg");
    expect(sniffImageType(bytes(WEBP))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("GIF89a…"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF1234WAVEfmt "))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it("accept up to 5 MB and refuse one byte more, or an empty file", () => {
    expect(checkImage(bytes(PNG, MAX_UPLOAD_BYTES))).toBe("image/png");
    expect(() => checkImage(bytes(PNG, MAX_UPLOAD_BYTES + 1))).toThrow(new UploadError("too-large"));
    expect(() => checkImage(new Uint8Array(0))).toThrow(new UploadError("empty"));
  });

  it("read the form ignoring the declared type and name: a PNG named photo.jpg is a PNG", async () => {
    const png = bytes(PNG, 1000);
    const { fields, bytes: read } = await readUploadForm(
      uploadRequest(new Blob([png], { type: "image/jpeg" }), "photo.jpg", { altZh: "绣片" }),
      "image",
    );
    expect(fields).toEqual({ altZh: "绣片" });
    expect(read).toEqual(png);
    expect(checkImage(read!)).toBe("image/png");

    const text = await readUploadForm(
      uploadRequest(new Blob(["just some text"], { type: "image/png" }), "photo.png"),
      "image",
    );
    expect(() => checkImage(text.bytes!)).toThrow(new UploadError("not-an-image"));
  });

  it("stop reading a file past 5 MB, and refuse a body announced as too large before reading it", async () => {
    await expect(
      readUploadForm(uploadRequest(new Blob([bytes(PNG, MAX_UPLOAD_BYTES + 1)]), "big.png"), "image"),
    ).rejects.toMatchObject({ problem: "too-large" });
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const announced = new Request("http://x/upload", {
      method: "POST",
      body,
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(50 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    await expect(readUploadForm(announced, "image")).rejects.toMatchObject({ problem: "too-large" });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk; nothing was read
  });

  it("store the bytes in the database under a generated id and give them back unchanged", async () => {
    const png = bytes(PNG, 4096).map((b, i) => (i < PNG.length ? b : i % 251));
    const stored = await t.prisma.$transaction((tx) => storeImage(tx, { bytes: png, uploadedById: null }));
    expect(stored.url).toBe(`/media/${stored.id}`);
    const upload = await getUpload(t.prisma, stored.id);
    expect(upload).toMatchObject({ contentType: "image/png", sizeBytes: 4096 });
    expect(Buffer.from(upload!.bytes).equals(Buffer.from(png))).toBe(true);
    expect(await getUpload(t.prisma, "../../etc/passwd")).toBeNull();
    expect(await getUpload(t.prisma, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
