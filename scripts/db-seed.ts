// `npm run db:seed`: seeds the demo fair (idempotent). Refuses a production database.
import { seedDemoAccounts } from "../prisma/seed-accounts";
import { seedDemoFair } from "../prisma/seed-demo";
import { seedDemoUnits } from "../prisma/seed-units";
import { env } from "../app/utils/env.server";
import { openScriptDatabase } from "./support/open-database";

const config = env();
if (config.NODE_ENV === "production" && config.DATABASE_URL) {
  console.error("refusing to seed demo data into a production database (NODE_ENV=production with DATABASE_URL)");
  process.exit(1);
}
const db = await openScriptDatabase();
console.log("seeded:", await seedDemoFair(db.prisma));
// Accounts with published development passwords only ever go into the embedded database.
if (db.engine === "pglite") {
  console.log("demo accounts:", await seedDemoAccounts(db.prisma));
  console.log("demo units:", await seedDemoUnits(db.prisma));
}
await db.close();
