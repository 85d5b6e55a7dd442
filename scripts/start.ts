/**
 * `npm start`: runs SecureJoin on this machine with embedded defaults. Today that is the
 * reference conference node with a fresh demo room; it prints where to go and what to do.
 */
import { main } from '../conference-node/main';

main().catch((error: unknown) => {
  console.error(`securejoin start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
