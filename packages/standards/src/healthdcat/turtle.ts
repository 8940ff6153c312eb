/** Turtle serialisation with the HealthDCAT-AP prefixes (n3 Writer). */
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { prefixes as defaultPrefixes } from './graph-builder';

/** Serialises quads as Turtle, using `prefixes` (default: ours with the default healthdcatap ns). */
export function toTurtle(
  quads: Iterable<Quad>,
  prefixes: Record<string, string> = defaultPrefixes(),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new Writer({ prefixes });
    writer.addQuads([...quads]);
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result)));
  });
}
