/**
 * Presses a button of the extension's page notice (a CLOSED shadow root, which neither page
 * scripts nor puppeteer selectors reach) the way a user does: the button is found and measured
 * through the DevTools protocol, then clicked with the real mouse, so the click is trusted.
 */
import type { Page } from 'puppeteer-core';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const kids = (n: CdpNode): CdpNode[] => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
const textOf = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : kids(n).map(textOf).join(''));

function buttonsIn(node: CdpNode, inside = false, out: CdpNode[] = []): CdpNode[] {
  const here = inside || node.nodeName.toLowerCase() === 'securejoin-notice';
  if (here && node.nodeName === 'BUTTON') out.push(node);
  for (const child of kids(node)) buttonsIn(child, here, out);
  return out;
}

/** The labels of the notice's buttons on `page` (empty when it shows none). */
export async function noticeButtons(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    return buttonsIn(root).map((b) => textOf(b).trim());
  } finally {
    await cdp.detach();
  }
}

/** Clicks the notice's button labelled `label` with the mouse (a trusted click). */
export async function clickNoticeButton(page: Page, label: string): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const button = buttonsIn(root).find((b) => textOf(b).trim() === label);
    if (!button) throw new Error(`the extension's notice has no ${label} button`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as unknown as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
