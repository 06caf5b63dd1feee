import { LodestarError } from '../errors.js';

/** Prints an error for a person at a terminal: the message, then each issue with file, pointer and rule. */
export function reportFailure(error: unknown): void {
  if (error instanceof LodestarError) {
    console.error(`error: ${error.message}`);
    for (const issue of error.issues ?? []) {
      const where = [issue.file, issue.pointer || '/'].filter(Boolean).join(' ');
      console.error(`  ${where}: ${issue.message} [${issue.keyword}]`);
    }
    const steps = (error.extra?.steps ?? []) as { description?: string; reason?: string }[];
    for (const step of steps) console.error(`  ${step.description ?? ''} — ${step.reason ?? ''}`);
    return;
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
}
