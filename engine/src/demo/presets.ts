import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, ValidationError, type Text } from '../errors.js';
import { extendsOf } from '../versions/addon-parts.js';
import { SHIPPED_FOLDER } from '../versions/shipped-templates.js';

/**
 * Demo presets: named sets of shipped templates the first-run page installs before loading sample data.
 * They are data (`templates/presets.json` beside the shipped templates), so the engine names no template.
 */
export const PRESETS_FILE = 'presets.json';

export interface PresetTemplate {
  /** The folder under templates/, as the gallery installs it. */
  folder: string;
  name: string;
  title: Text;
}

export interface Preset {
  name: string;
  title: Text;
  /** In install order: each after the templates of the preset it extends. */
  templates: PresetTemplate[];
}

interface PresetJson {
  title?: Text;
  templates?: unknown;
}

/** One preset read from templates/presets.json, its templates' manifests read and put in dependency order. */
export function readPreset(definitionsDir: string | undefined, name: string): Preset {
  const root = definitionsDir ? join(definitionsDir, SHIPPED_FOLDER) : undefined;
  const file = root && join(root, PRESETS_FILE);
  const all = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, PresetJson>) : {};
  const json = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!root || !json)
    throw new NotFoundError({ en: `there is no demo preset "${name}"`, zh: `没有名为“${name}”的示例方案` });
  const folders = Array.isArray(json.templates) ? json.templates.filter((f) => typeof f === 'string') : [];
  const manifests = folders.map((folder) => {
    const path = join(root, folder, 'template.json');
    if (!/^[\w-]+$/.test(folder) || !existsSync(path))
      throw new ValidationError({
        en: `demo preset "${name}" names template "${folder}", which is not shipped`,
        zh: `示例方案“${name}”中的模板“${folder}”不存在`,
      });
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name: string; title?: Text; extends?: unknown };
    return { folder, name: manifest.name, title: manifest.title ?? { zh: manifest.name, en: manifest.name }, manifest };
  });
  const ordered = dependencyOrder(
    manifests.map((m) => ({ key: m.name, needs: extendsOf(m.manifest) })),
    (cycle) =>
      new ValidationError({
        en: `the templates of demo preset "${name}" extend each other in a circle: ${cycle.join(', ')}`,
        zh: `示例方案“${name}”中的模板相互扩展，形成循环：${cycle.join('、')}`,
      }),
  );
  return {
    name,
    title: json.title ?? { zh: name, en: name },
    templates: ordered.map((key) => {
      const { folder, title } = manifests.find((m) => m.name === key)!;
      return { folder, name: key, title };
    }),
  };
}

/**
 * Keys in an order where each comes after the keys it needs that are in the list (needs outside it are the
 * installer's to check); otherwise the given order is kept.
 */
export function dependencyOrder(
  items: { key: string; needs: string[] }[],
  circular: (keys: string[]) => Error,
): string[] {
  const keys = new Set(items.map((i) => i.key));
  const done: string[] = [];
  const left = [...items];
  while (left.length) {
    const next = left.findIndex((item) => item.needs.every((need) => !keys.has(need) || done.includes(need)));
    if (next < 0) throw circular(left.map((i) => i.key));
    done.push(left.splice(next, 1)[0]!.key);
  }
  return done;
}
