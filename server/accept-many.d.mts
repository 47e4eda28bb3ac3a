import type { Server } from "node:net";
export const DEFAULT_LISTENERS: number;
export function acceptMany(
  server: Server,
  options?: { listeners?: number; logger?: { warn: (obj: object, msg: string) => void } },
): Promise<number>;
