import { describe, expect, it } from 'vitest';
import { templateFileName } from './file-name';

describe('templateFileName', () => {
  it('keeps Chinese names and replaces what a file system treats specially', () => {
    expect(templateFileName('华东制造业CRM', '1.0')).toBe('华东制造业CRM-1.0.template.json');
    expect(templateFileName('a/b: c*d', '1.0.0')).toBe('a-b-c-d-1.0.0.template.json');
    expect(templateFileName('../..', '1.0')).toBe('template-1.0.template.json');
  });
});
