import type { Knex } from 'knex';
import { setUserLang } from '../identity/users-repo.js';

/**
 * The language a user reads, as their runtime UI tells it (on load and when they switch): their mails are
 * written in it. The inbox keeps both languages, so the screen follows a switch at once.
 */
export async function rememberReaderLanguage(db: Knex, userId: string, lang: 'zh' | 'en'): Promise<void> {
  await setUserLang(db, userId, lang);
}
