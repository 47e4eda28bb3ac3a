import type { RequestHandler } from "express";
export function securityHeaders(options: { production: boolean }): RequestHandler;
export function rejectForeignOrigin(options?: { exempt?: string[] }): RequestHandler;
export function rejectControlCharacters(): RequestHandler;
