import { DatabaseStartError } from "../../app/utils/db.server";
import { openForScript, type ScriptDatabase } from "../../app/utils/db-script.server";
import { ConfigError } from "../../app/utils/env.server";

/**
 * Opens the database for a script (see openForScript) and says on stderr which way it went; a
 * database that cannot be had ends the script with exit code 1 and one line saying why and what to do.
 */
export async function openScriptDatabase(options: { migrate?: boolean } = {}): Promise<ScriptDatabase> {
  try {
    const db = await openForScript(options);
    console.error(`database: ${db.via}`);
    return db;
  } catch (error) {
    if (error instanceof DatabaseStartError || error instanceof ConfigError) {
      console.error(`cannot run: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
