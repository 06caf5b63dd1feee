/**
 * The download's file name, derived from the template's name and version: letters of any script and digits
 * stay ("华东制造业CRM-1.0.template.json"); characters a file system or shell treats specially become "-".
 */
export function templateFileName(name: string, version: string): string {
  const safe = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._+-]+/gu, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80);
  return `${[safe(name) || 'template', safe(version)].filter(Boolean).join('-')}.template.json`;
}
