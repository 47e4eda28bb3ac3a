import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUpload } from "~/catalog/uploads.server";
import { db } from "~/utils/db.server";

/**
 * An uploaded picture (/media/<id>), read from the database so any server can answer. It is sent
 * with the type its bytes were checked to be, never sniffed by the browser, never offered as a
 * download, and cached for a year: ids are random and never reused, so the bytes never change.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const upload = await getUpload(await db(), params.id ?? "");
  if (!upload) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(upload.bytes, {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.sizeBytes),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, the file may do nothing but be shown.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
