/** `securejoin admin bundle`: every file an admin deploys, from one policy file and the service URL. */
import { bundleFiles, bundleSettings } from './bundle';
import { parseOptions } from './args';
import { writeBundle } from './bundleWriter';
import { InputError, UsageError } from './errors';
import { ADMIN_HELP, BUNDLE_HELP } from './help';
import { callerPath, readInput, STDIN } from './io';
import type { CliIo } from './io';
import { policyFromText } from './policyCommand';

const FLAGS = {
  policy: { type: 'string' },
  'service-url': { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'chrome-extension-id': { type: 'string' },
  'edge-extension-id': { type: 'string' },
  'firefox-install-url': { type: 'string' },
  'policy-username': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function bundle(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, FLAGS, 'admin bundle');
  if (values.help) return io.out(BUNDLE_HELP), 0;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (the policy is given with --policy FILE)`, 'admin bundle');
  for (const flag of ['policy', 'service-url', 'out'] as const) {
    if (values[flag] === undefined) throw new UsageError(`--${flag} is required`, 'admin bundle');
  }
  const policyFile = values.policy as string;
  const out = values.out as string;
  if (out === STDIN || out === '') throw new UsageError('--out must name a folder', 'admin bundle');
  // The policy first, with the same `path: problem` lines as `policy check`.
  const text = readInput(io, policyFile, 'policy file');
  const policy = policyFromText(text, policyFile);
  const settings = bundleSettings(policy, text, {
    serviceUrl: values['service-url'] as string,
    chromeExtensionId: values['chrome-extension-id'],
    edgeExtensionId: values['edge-extension-id'],
    firefoxInstallUrl: values['firefox-install-url'],
    policyUsername: values['policy-username'],
  });
  if (!settings.ok) {
    const options = settings.problems.filter((p) => p.path.startsWith('--'));
    if (options.length > 0) throw new UsageError(options.map((p) => `${p.path}: ${p.message}`).join('\n'), 'admin bundle');
    const count = settings.problems.length;
    throw new InputError(`${policyFile}: cannot bundle this policy (${count} problem${count === 1 ? '' : 's'})\n${settings.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  const files = bundleFiles(settings.value);
  writeBundle(callerPath(io, out), out, files, values.force === true);
  const shownFiles = files.filter((f) => !f.path.startsWith('.')).map((f) => `  ${out}/${f.path}`);
  io.out(`Wrote the SecureJoin bundle for ${settings.value.serviceUrl} (${shownFiles.length} files):\n${shownFiles.join('\n')}\nNext: follow ${out}/README.txt, step by step.\n`);
  return 0;
}

/** Runs `securejoin admin ...`; returns the exit code. @throws UsageError, InputError. */
export function adminCommand(args: string[], io: CliIo): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'bundle':
      return bundle(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(ADMIN_HELP);
      return 0;
    case undefined:
      throw new UsageError('missing subcommand: bundle', 'admin');
    default:
      throw new UsageError(`unknown subcommand "${sub}" (use bundle)`, 'admin');
  }
}
