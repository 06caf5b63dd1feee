import { LodestarError } from '../errors.js';
import type { Lang } from './lang.js';
import { CLI_MESSAGES } from './messages.js';

/** A step an error carries (ConfirmationRequired's refused steps): the English line, and its words when worded. */
interface ErrorStep {
  description?: string;
  reason?: string;
  text?: { en: string; zh: string };
  reasonText?: { en: string; zh: string };
}

/**
 * Prints an error for a person at a terminal, in the run's language: the message, then each issue with
 * file, pointer and rule. The engine's errors and issues carry both languages (`text`, `i18n`); an error
 * from elsewhere (a refused connection) prints its own message.
 */
export function reportFailure(error: unknown, lang: Lang): void {
  const prefix = CLI_MESSAGES[lang].errorPrefix;
  if (error instanceof LodestarError) {
    console.error(`${prefix}${error.text[lang] ?? error.message}`);
    for (const issue of error.issues ?? []) {
      const where = [issue.file, issue.pointer || '/'].filter(Boolean).join(' ');
      console.error(`  ${where}: ${issue.i18n?.[lang] ?? issue.message} [${issue.keyword}]`);
    }
    const steps = (error.extra?.steps ?? []) as ErrorStep[];
    for (const step of steps) {
      const words = lang === 'zh' && step.text ? [step.text.zh, step.reasonText?.zh ?? step.reason] : undefined;
      console.error(`  ${(words?.[0] ?? step.description) || ''} — ${(words?.[1] ?? step.reason) || ''}`);
    }
    return;
  }
  console.error(`${prefix}${error instanceof Error ? error.message : String(error)}`);
}
