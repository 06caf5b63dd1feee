import type { Config } from '../../config.js';
import { startEngine } from '../../main.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';

/** Runs the engine until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function runStart(config: Config, lang: Lang): Promise<void> {
  const engine = await startEngine(config);
  console.log(CLI_MESSAGES[lang].running(engine.url));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await engine.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
