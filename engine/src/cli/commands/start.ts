import type { Config } from '../../config.js';
import { startEngine } from '../../main.js';

/** Runs the engine until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function runStart(config: Config): Promise<void> {
  const engine = await startEngine(config);
  console.log(
    `Lodestar is running at ${engine.url}  (studio: ${engine.url}/studio, API docs: ${engine.url}/api/v1/docs)`,
  );
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
