/**
 * Build-time choice of core's HTML anchor reader (core/html/anchors.ts): bundles that run in a
 * page with a DOM (the Outlook task pane, the extension's popup and options page) get
 * `readAnchors.dom.ts`, the browser's own parser, in place of `readAnchors.ts` (htmlparser2),
 * so their first paint carries no parser of its own. Everything else (Node, the CLI, the add-in's
 * event runtime, which on classic Windows has no DOM at all) keeps htmlparser2.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/** The DOM implementation's file. */
export const DOM_ANCHOR_READER = join(dirname(fileURLToPath(import.meta.url)), '..', 'core', 'html', 'readAnchors.dom.ts');

/** An import of core's htmlparser2 reader (`./readAnchors`, `../html/readAnchors`, ...). */
const READER_IMPORT = /(?:^|[\\/])html[\\/]readAnchors(?:\.ts)?$|^\.[\\/]readAnchors(?:\.ts)?$/;

/** True when `specifier`, imported from `importerDir`, is core/html/readAnchors.ts. */
function isCoreReader(specifier: string, importerDir: string): boolean {
  return READER_IMPORT.test(specifier) && resolve(importerDir, specifier).replace(/\.ts$/, '') === DOM_ANCHOR_READER.replace(/\.dom\.ts$/, '');
}

/** esbuild: resolve core's reader to the DOM one. */
export const domAnchorReaderEsbuild: EsbuildPlugin = {
  name: 'securejoin-dom-anchor-reader',
  setup(b) {
    b.onResolve({ filter: /readAnchors(?:\.ts)?$/ }, (args) => (isCoreReader(args.path, args.resolveDir) ? { path: DOM_ANCHOR_READER } : undefined));
  },
};

/** Vite (WXT): the same for every extension page; the background and content script never read HTML. */
export function domAnchorReaderVite(): VitePlugin {
  return {
    name: 'securejoin-dom-anchor-reader',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer && isCoreReader(source, dirname(importer)) ? DOM_ANCHOR_READER : null;
    },
  };
}
