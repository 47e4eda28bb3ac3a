// The Prisma CLI runs with the schema engine compiled to WebAssembly (see ../shared/STACK.md):
// the native engine would have to be downloaded, which these machines cannot do.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// A prisma.config.ts turns off Prisma's own .env loading. The CLI must always see a DATABASE_URL,
// even for `prisma generate` (which never connects), or it falls back to the native engine.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
