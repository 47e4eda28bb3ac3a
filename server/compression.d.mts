import type { RequestHandler } from "express";
export function compressionMiddleware(setting: string | undefined): RequestHandler | null;
