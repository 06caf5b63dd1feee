/*
 * What every response must satisfy, whatever was sent: no 5xx, no SQL or stack trace in the body, and
 * every 4xx a problem+json document with a detail. Returns what is wrong, or undefined.
 */

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

const LEAKS: [string, RegExp][] = [
  ['SQL', /\bselect\b[^\n]{0,200}?\bfrom\b/i],
  ['SQL', /\b(insert into|update \S+ set|delete from)\b/i],
  [
    'SQL error',
    /syntax error at or near|invalid input syntax for|violates [a-z ]*constraint|\bcolumn "[^"]*" (of relation|does not exist)|\brelation "[^"]*"|duplicate key value|SQLSTATE|pg_catalog|out of range for type/i,
  ],
  ['stack trace', /\bat (?:async )?[\w.<>$]+ \([^()]+:\d+:\d+\)/],
  ['stack trace', /\bat (?:file:\/\/|\/)[^\s]+:\d+:\d+/],
  ['stack trace', /node_modules|[A-Za-z]+Error: .*\n\s+at /],
];

export function judge(response: FuzzResponse): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  const text = scannable(response.text);
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what} in the body: ${JSON.stringify(match[0].slice(0, 120))}`;
  }
  if (response.status >= 400) {
    if (!/^application\/problem\+json/i.test(response.contentType))
      return `status ${response.status} is not problem+json (${response.contentType || 'no content-type'})`;
    let detail: unknown;
    try {
      detail = (JSON.parse(response.text) as { detail?: unknown }).detail;
    } catch {
      return `status ${response.status}: the problem document is not JSON`;
    }
    if (typeof detail !== 'string' || !detail.trim()) return `status ${response.status}: the problem has no detail`;
  }
  return undefined;
}

/** A JSON body as its strings (keys too), one per line, unescaped; any other body as it is. */
function scannable(text: string): string {
  try {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          strings.push(key);
          walk(v);
        }
      }
    };
    walk(JSON.parse(text));
    return strings.join('\n');
  } catch {
    return text;
  }
}

/** One failure's class, to tell a new defect from the same one found again: status and the first words of the detail. */
export function signature(method: string, pathTemplate: string, response: FuzzResponse, verdict: string): string {
  let detail: string;
  try {
    detail = String((JSON.parse(response.text) as { detail?: unknown }).detail ?? '');
  } catch {
    detail = response.text.slice(0, 60);
  }
  return `${method} ${pathTemplate} → ${verdict.replace(/: .*/, '')} ${detail.replace(/[0-9a-f-]{36}|\d+/g, '#').slice(0, 80)}`;
}
