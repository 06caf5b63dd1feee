/** The languages the CLI speaks. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

const isLang = (value: string | undefined): value is Lang => value === 'zh' || value === 'en';

/** The value of `--lang zh` or `--lang=zh` among the arguments, if given (commander checks it is zh or en). */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The language of this run: `--lang`, else LODESTAR_LANG, else the locale as POSIX reads it (the first
 * set of LC_ALL, LC_MESSAGES, LANG: `zh_CN.UTF-8`, `zh_TW`, `zh` mean Chinese), else English. Decided
 * before commander parses, so that the help's summary lines are in the same language.
 */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const flag = langFlag(argv);
  if (isLang(flag)) return flag;
  const chosen = env.LODESTAR_LANG?.trim().toLowerCase();
  if (isLang(chosen)) return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value);
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
