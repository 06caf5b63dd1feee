import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Model } from '../../model/compile-model.js';
import { toTypeScript } from './to-typescript.js';

/** Writes the model's record interfaces and `Records` map to `outFile`; returns how many entities it declared. */
export async function writeTypes(model: Model, outFile: string): Promise<{ entities: number }> {
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, await toTypeScript(model));
  return { entities: model.entities.size };
}
