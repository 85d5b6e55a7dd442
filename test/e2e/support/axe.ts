/**
 * Runs axe-core (Deque's accessibility engine) in a page or frame driven by puppeteer and
 * returns its violations in words a failing test can print. axe is evaluated through the
 * DevTools protocol, which no page CSP blocks (extension pages forbid inline scripts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);
let source: string | null = null;
const axeSource = () => (source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** One axe violation, flattened: rule id, impact, help text and the offending nodes' selectors. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Every violation axe finds in `target` (default rule set: WCAG 2.x A/AA plus best practices).
 * Call it once per state worth checking (dark scheme, an error shown, a dialog open).
 */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.evaluate(axeSource());
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/** The violations as readable lines (for `expect(...).toEqual([])` failures that say what is wrong). */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.join(', ')}`);
}
