import { createInterface } from 'node:readline';
import type { Config } from '../../config.js';
import { ValidationError } from '../../errors.js';
import { checkRoleNames } from '../../identity/role-names.js';
import { createUser } from '../../identity/users.js';
import { ModelCache } from '../../model/model-cache.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES, type CliMessages } from '../messages.js';
import { withDb } from './open-db.js';

export interface UserAddOptions {
  email: string;
  name?: string;
  roles?: string;
  admin?: boolean;
  /** Read the password from the first line of stdin (for scripts); otherwise it is asked for. */
  passwordStdin?: boolean;
}

/** `lodestar user add`: creates a user; the password never appears on the command line. */
export async function runUserAdd(config: Config, options: UserAddOptions, lang: Lang): Promise<void> {
  const t = CLI_MESSAGES[lang];
  const password = await readPassword(Boolean(options.passwordStdin), t);
  const roles = [
    ...new Set([
      ...(options.roles
        ? options.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : []),
      ...(options.admin ? ['admin'] : []),
    ]),
  ];
  const user = await withDb(config, async (db) => {
    // Roles must be the published model's (admin always is); before the first publish there is nothing to check.
    const model = (await ModelCache.open(db.knex)).current();
    const issues = checkRoleNames(model.set, roles);
    if (issues.length)
      throw new ValidationError(
        { en: '--roles names a role the published model does not define', zh: '--roles 含有已发布模型未定义的角色' },
        { issues },
      );
    return createUser(db.knex, {
      email: options.email,
      password,
      roles,
      ...(options.name && { displayName: options.name }),
    });
  });
  process.stdout.write(`${t.userCreated(user.email, user.id, roles)}\n`);
}

async function readPassword(fromStdin: boolean, t: CliMessages): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new Error(t.passwordNeeded);
  if (!fromStdin) process.stdout.write(t.passwordPrompt);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
