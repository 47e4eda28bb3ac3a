import { randomUUID } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import type { PrismaClient, Prisma } from "~/generated/prisma/client";

/** The largest photo a cooperative may upload (the Upload table's CHECK says the same). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";
/** "unreadable": the multipart body itself is broken (truncated, bad framing). */
export type UploadProblem = "empty" | "too-large" | "not-an-image" | "unreadable";

export class UploadError extends Error {
  constructor(public readonly problem: UploadProblem) {
    super(problem);
  }
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * What an uploaded file really is, from its first bytes (its magic number). The declared
 * Content-Type and the file name are the uploader's claims and are never consulted: a PNG named
 * photo.jpg is a PNG, and a text file named photo.png is not an image.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** Checks a file's size and bytes; returns its real type or throws an UploadError. */
export function checkImage(bytes: Uint8Array): ImageType {
  if (bytes.length === 0) throw new UploadError("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadError("too-large");
  const type = sniffImageType(bytes);
  if (!type) throw new UploadError("not-an-image");
  return type;
}

/**
 * Stores a checked image in the database (so every server can serve it) under a generated id,
 * in the caller's transaction; returns the id. The uploader's file name is never kept.
 */
export async function storeImage(
  tx: Prisma.TransactionClient,
  args: { bytes: Uint8Array; uploadedById: string | null },
) {
  const contentType = checkImage(args.bytes);
  const id = randomUUID();
  // Sent as base64 text and decoded by PostgreSQL: the PGlite driver adapter cannot take the
  // binary parameter Prisma passes for a Bytes column, and this works the same on both engines.
  const base64 = Buffer.from(args.bytes.buffer, args.bytes.byteOffset, args.bytes.byteLength).toString("base64");
  await tx.$executeRaw`
    INSERT INTO "Upload" ("id", "contentType", "sizeBytes", "bytes", "uploadedById")
    VALUES (${id}, ${contentType}, ${args.bytes.length}::int, decode(${base64}, 'base64'), ${args.uploadedById})`;
  return { id, contentType, url: mediaUrl(id) };
}

export const mediaUrl = (id: string) => `/media/${id}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An uploaded file by id, or null (also for anything that is not one of our generated ids). */
export async function getUpload(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return null;
  return prisma.upload.findUnique({ where: { id }, select: { contentType: true, sizeBytes: true, bytes: true } });
}

/** Room for the form's text fields and the multipart framing around a photo. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_TEXT_PART = 4 * 1024;

/**
 * Reads an upload form (multipart) whose file field is `fileField`: at most 5 MB of file, held in
 * memory and never written to disk, and small text fields. A body announced as too large is
 * refused before a byte is read; one that turns out too large is refused as soon as the file
 * passes 5 MB, without buffering the rest. Throws UploadError("too-large").
 */
export async function readUploadForm(
  request: Request,
  fileField: string,
): Promise<{ fields: Record<string, string>; bytes: Uint8Array | null }> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw new UploadError("too-large");
  const fileHandler = createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
  const textHandler = createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART });
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, (part) =>
      // Any other file part is read as a small text part, so a second big file cannot sneak in.
      part.name === fileField && typeof part.filename === "string" ? fileHandler(part) : textHandler(part),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new UploadError("too-large");
    // Anything else the parser throws is about the bytes it was sent, not about us.
    throw new UploadError("unreadable");
  }
  const fields: Record<string, string> = {};
  let bytes: Uint8Array | null = null;
  for (const [key, value] of form) {
    if (typeof value === "string") fields[key] ??= value;
    else if (key === fileField && bytes === null && value.size > 0) bytes = new Uint8Array(await value.arrayBuffer());
  }
  return { fields, bytes };
}

/** Whether a request carries a multipart body (an upload form) rather than a plain form. */
export const isMultipart = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
