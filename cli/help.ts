/** Help texts, one per command. Kept together so they read consistently. */

import { GECKO_EXTENSION_ID } from '../core/extensionIdentity';

export const MAIN_HELP = `securejoin - admin tool for SecureJoin (policy, codes, deployment, service)

Usage:
  securejoin policy check FILE            validate a policy, show its guess risk
  securejoin policy export --target T FILE  files that deploy the policy to browsers
  securejoin policy docs [--out FILE]     the policy field reference (examples/POLICY.md)
  securejoin policy schema                the extension's storage.managed_schema (JSON)
  securejoin code [KIND] [options]        generate access codes, PINs or passcodes
  securejoin service [options]            run the meeting service (flags and env: service --help)
  securejoin admin bundle --policy FILE --service-url URL --out DIR
                                          every file a deployment needs, from one policy
  securejoin dev-issuer [--port N]        a local token issuer on loopback, to try the service alone
  securejoin --version                    print the version

Run "securejoin <command> --help" for details.
FILE is relative to the folder you run the command in (also under "npm run securejoin --");
"-" reads standard input. Inputs larger than 1 MiB are refused. --out never replaces the
input file, and replaces another existing file only with --force.

Exit codes:
  0  ok
  1  invalid input: a file or standard input that cannot be read or is not valid (policy,
     invitee emails), an --out file that exists or is the input, a value the policy refuses
  2  usage error: the command line itself is wrong (unknown command or option, a missing or
     extra argument, an option value outside its documented range)
`;

export const POLICY_HELP = `Usage: securejoin policy <check|export|docs|schema> ...

  check FILE [--json]
      Validate the policy (FILE "-" reads standard input). Prints a summary with the guess risk (exit 0), or every problem
      with its path, e.g. "organizer.accessCode.length.value: must be at most 15" (exit 1).
  export --target TARGET [--extension-id ID] [--out FILE [--force]] FILE
      Validate, then write what the browsers read as the extension's managed storage.
  docs [--out FILE [--force]]
      Print the field reference generated from the schema.
  schema
      Print the JSON schema for the extension manifest's storage.managed_schema.
`;

export const CHECK_HELP = `Usage: securejoin policy check FILE [--json]

Validates FILE (JSON; "-" reads standard input). On success prints the nodes, locked
settings and the guess risk of each code; with --json prints { ok, policy, risk } or
{ ok, errors }. Every problem is reported at once: schema errors, duplicate keys and codes
that are too easy to guess. A file written by "policy export" (or "policy schema") is
recognised and named: check the policy it was made from.
Exit 0 when valid, 1 when not (each problem on its own line: path: problem).
`;

export const EXPORT_HELP = `Usage: securejoin policy export --target TARGET [--extension-id ID] [--out FILE [--force]] FILE

Targets:
  chromium-linux   /etc/chromium/policies/managed/securejoin.json
  chrome-linux     /etc/opt/chrome/policies/managed/securejoin.json
  chrome-windows   .reg file for HKLM\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\ID\\policy
  edge-windows     .reg file for HKLM\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\ID\\policy
  firefox          policies.json (3rdparty.Extensions.ID)

--extension-id   the id the browser gives the extension. Chromium targets default to the
                 development build's id: pass the id the Chrome Web Store or Edge Add-ons
                 assigned for published builds. Firefox defaults to the add-on id fixed in
                 the manifest (${GECKO_EXTENSION_ID}), the same for every build.
--out FILE       write the file there and print install steps; without it (or with -) it goes
                 to stdout and the steps to stderr. A .reg file is UTF-16LE with a
                 byte-order mark either way (what regedit writes; reg import reads it).
--force          replace an existing --out file (never the input FILE).

The policy is validated first: an invalid policy is never exported (exit 1).
`;

export const DOCS_HELP = `Usage: securejoin policy docs [--out FILE [--force]]

Prints the policy field reference, generated from the schema's descriptions, as Markdown.
`;

export const SCHEMA_HELP = `Usage: securejoin policy schema

Prints the JSON schema for storage.managed_schema in the extension manifest, derived from the
policy schema and limited to what Chrome accepts.
`;

export const CODE_HELP = `Usage: securejoin code [access|pin|pin-pair|passcodes] [options]

Generates codes from the crypto random source (never weak, never repeated within a run).
Meetings registered with the meeting service get their access code and other aliases from the
service (it mints them); these are for rooms an administrator enters by hand on a node.
  access      one-time access code (default kind; 6-15 digits, default 8)
  pin         room PIN (4-20 digits, default 6)
  pin-pair    host and guest PIN, different from each other
  passcodes   one passcode per invitee (6-15 digits, default 8)

Options:
  --length N              digits per code
  --count N               how many (1-1000, default 1; not for passcodes)
  --emails a@x,b@y        invitees for passcodes
  --emails-file F         invitees for passcodes, one per line (# starts a comment; - reads stdin)
  --policy FILE           follow this policy: its lengths by default; --length only where the
                          policy lets organizers choose (not locked, not too easy to guess),
                          PINs no shorter than its minimum, passcodes only if it allows them per invitee
  --json                  print JSON instead of plain lines

An invitee listed twice (also in another case: Ana@x and ana@x) is refused, not merged.
Plain output: access/pin one code per line; pin-pair "HOST GUEST"; passcodes "EMAIL PASSCODE".
`;

export const ADMIN_HELP = `Usage: securejoin admin bundle --policy FILE --service-url URL --out DIR [options]

  bundle   every file an admin deploys, from one policy file (securejoin admin bundle --help)
`;

export const BUNDLE_HELP = `Usage: securejoin admin bundle --policy FILE --service-url URL --out DIR [--force] [options]

Validates the policy (the same "path: problem" lines as "policy check"), then writes into DIR:
  README.txt                              the steps in order, each with its file
  outlook/manifest.xml                    the add-in for centralized deployment, every URL at URL
  outlook/policy.json                     the policy the add-in reads at URL/policy.json
  entra-id.txt                            the app registrations: NAA redirect, API scope, admin role
  browsers/windows/securejoin-*.reg       Chrome and Edge: ExtensionInstallForcelist + the policy
  browsers/macos/securejoin-*.mobileconfig  Chrome and Edge configuration profiles
  browsers/linux/securejoin-*.json        Chrome/Chromium and Edge managed policy files
  browsers/firefox/policies.json          ExtensionSettings (force_installed) + 3rdparty policy
  infinity-policy-profile.txt             the Pexip Infinity policy profile (no password in it)

  --policy FILE            the admin policy ("-" reads standard input)
  --service-url URL        https URL of the meeting service, which also serves the add-in; the
                           policy's meetingService.url must be the same
  --out DIR                a new or empty folder; with --force also a folder holding a previous
                           bundle and nothing else (it is replaced whole). Written all or nothing.
  --chrome-extension-id ID the id the Chrome Web Store gave SecureJoin (default: the development
  --edge-extension-id ID   id, which fits development builds only); Edge Add-ons' id likewise
  --firefox-install-url U  where Firefox downloads the signed add-on (default: its latest version
                           on addons.mozilla.org, by the add-on id ${GECKO_EXTENSION_ID})
  --policy-username U      the username Infinity's policy profile sends (default infinity); the
                           password is never written: the service reads SECUREJOIN_POLICY_PASSWORD

Exit 0 when written, 1 for an invalid policy or a DIR that may not be written (nothing is
written then), 2 for a wrong command line.
`;
