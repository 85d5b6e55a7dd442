/**
 * `npm start`: runs SecureJoin on this machine with embedded defaults:
 * - the reference conference node with a fresh demo room (http://127.0.0.1:8080);
 * - the Outlook add-in for sideloading and its playground (https://localhost:3000, with a
 *   development certificate in .cert/; plain http when openssl is missing).
 * It prints where to go and what to do.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main as startNode } from '../conference-node/main';
import { ensureDevCertificate, startAddinServer } from '../outlook-addin/server';

async function start(): Promise<void> {
  const node = await startNode();
  let https: { key: string; cert: string } | undefined;
  try {
    const certDir = join(process.cwd(), '.cert');
    mkdirSync(certDir, { recursive: true });
    https = ensureDevCertificate(certDir);
  } catch (error) {
    console.warn(`\nNo development certificate (${error instanceof Error ? error.message : String(error)}); serving the add-in over plain http.`);
  }
  const addin = await startAddinServer({ port: 3000, host: 'localhost', nodeUrl: node.url, ...(https ? { https } : {}) });
  console.log(
    [
      '',
      `Outlook add-in on ${addin.url} (policy: examples/policy.json)`,
      `  Playground (Outlook stand-in): ${addin.playgroundUrl}`,
      `  Sideload: ${addin.url}/manifest.xml — see README "The Outlook add-in"; trust .cert/cert.pem first.`,
    ].join('\n'),
  );
  const stop = (): void => {
    void addin.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((error: unknown) => {
  console.error(`securejoin start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
