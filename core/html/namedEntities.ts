/**
 * HTML's named character references as a map, expanded once, on first use, from the compact
 * text in namedEntityData.ts (generated from htmlparser2's own `entities` by
 * scripts/build/namedEntities.ts, whose compactText says the format): a line is the code point's
 * step from the previous value in base 36 (or `!` and a value's code points, for the few of two),
 * then space-separated groups, each a run of consecutive values; a group's names share its value;
 * `*` marks a legacy name that also works without its ';'.
 */
import { REFERENCES } from './namedEntityData';

export { ATTRIBUTE_RUN_PREFIXES } from './namedEntityData';

let table: Map<string, string> | undefined;

/** Name (with its ';', or without for the legacy forms) -> value; built on the first call. */
export function namedEntities(): Map<string, string> {
  if (table) return table;
  const map = new Map<string, string>();
  let cp = 0;
  for (const line of REFERENCES.split('\n')) {
    const [head = '', ...groups] = line.split(' ');
    const pair = head[0] === '!' ? String.fromCodePoint(...head.slice(1).split('.').map((d) => parseInt(d, 36))) : '';
    if (!pair) cp += parseInt(head, 36) - 1;
    for (const group of groups) {
      const value = pair || String.fromCodePoint(++cp);
      for (const name of group.split(',')) {
        const legacy = name.endsWith('*');
        const bare = legacy ? name.slice(0, -1) : name;
        map.set(`${bare};`, value);
        if (legacy) map.set(bare, value);
      }
    }
  }
  table = map;
  return map;
}
