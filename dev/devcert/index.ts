/**
 * Development TLS for loopback servers (the add-in server and the reference conference node).
 * Node only; never used by a production build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A self-signed development certificate for `localhost` and 127.0.0.1 in `dir` (`key.pem`,
 * `cert.pem`), made with `openssl` on first use (Node cannot create X.509 certificates).
 * Throws an Error naming `openssl` when it is missing. Trust `cert.pem` in your OS or browser
 * before sideloading (Outlook on the web refuses untrusted add-in hosts).
 */
export function ensureDevCertificate(dir: string): { key: string; cert: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365', '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`Could not create a development certificate with openssl (${error instanceof Error ? error.message : String(error)}). Install openssl, or pass your own key and cert.`);
    }
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
