/**
 * The Pexip Infinity side: the policy profile settings to enter on the Management Node. The
 * password is never in the bundle: the admin sets it once in the service's environment
 * (SECUREJOIN_POLICY_PASSWORD) and types the same value into the profile.
 */
import { generatedBy } from './file';
import type { BundleFile } from './file';
import type { BundleSettings } from './settings';

export const INFINITY_PATH = 'infinity-policy-profile.txt';
/** The environment variable the service reads the policy password from. */
export const POLICY_PASSWORD_ENV = 'SECUREJOIN_POLICY_PASSWORD';

/** The two requests Infinity sends to the service (it appends these paths to the profile URL). */
export const POLICY_REQUESTS = ['/policy/v1/service/configuration', '/policy/v1/participant/properties'] as const;

/** The policy profile's settings as text. */
export function infinityFiles(settings: BundleSettings): BundleFile[] {
  const url = settings.serviceUrl;
  const lines = [
    'Pexip Infinity: the policy profile that sends SecureJoin aliases to the meeting service',
    `(${generatedBy(url)})`,
    '',
    'Management Node: Call control > Policy profiles > Add policy profile',
    '  Name:                                     SecureJoin',
    '  External policy server',
    `    URL:                                   ${url}`,
    `                                           (Infinity appends ${POLICY_REQUESTS.join(' and ')})`,
    `    Username:                              ${settings.policyUsername}`,
    `    Password:                              the value of ${POLICY_PASSWORD_ENV} in the service's environment`,
    '                                           (not in this bundle; make one with: openssl rand -base64 32)',
    '    Apply external policy to service configuration requests:      yes',
    '    Apply external policy to participant properties requests:     yes (Infinity v34 and later)',
    '    Every other "Apply external policy to ..." request:             no (the service has no answer for them)',
    '',
    'Platform > Locations: set this policy profile on every system location whose Conferencing',
    'Nodes take SecureJoin calls (web and SIP/H.323 alike).',
    '',
    'The service takes the same username and password:',
    `  SECUREJOIN_POLICY_USERNAME=${settings.policyUsername} ${POLICY_PASSWORD_ENV}=<the password> securejoin service ...`,
    '',
    'Check (from a Conferencing Node\'s network):',
    `  curl -u "${settings.policyUsername}:$${POLICY_PASSWORD_ENV}" '${url}${POLICY_REQUESTS[0]}?local_alias=securejoin-check&protocol=api'`,
    '  answers {"status":"success","action":"reject",...} (an alias nobody registered); 401 means the',
    '  username or password differ between the profile and the service; 404 means the service runs',
    `  without ${POLICY_PASSWORD_ENV}.`,
    '',
  ];
  return [{ path: INFINITY_PATH, content: lines.join('\n'), encoding: 'utf8' }];
}
