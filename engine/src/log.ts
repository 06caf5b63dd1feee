import { pino } from 'pino';

export type Logger = pino.Logger;

/** The process logger: JSON lines on stdout; quiet in tests unless LOG_LEVEL says otherwise. */
export function createLogger(level: string): Logger {
  return pino({ level });
}
