/**
 * Policy requests shaped exactly as Pexip Infinity sends them (platform facts §6): GET, every
 * parameter in the query string, HTTP Basic. Values as a v34 Conferencing Node sends them.
 */
export const POLICY_USER = 'infinity-policy';
export const POLICY_PASSWORD = 'correct horse battery staple 7';

export const basic = (user = POLICY_USER, password = POLICY_PASSWORD): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Service configuration for a web join (trigger=web, protocol=api), as the web app's first request causes. */
export function webJoinQuery(alias: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    bandwidth: '0',
    call_direction: 'dial_in',
    local_alias: alias,
    location: 'London',
    node_ip: '10.0.0.11',
    protocol: 'api',
    pseudo_version_id: '76041.0.0',
    registered: 'False',
    remote_address: '198.51.100.7',
    remote_alias: 'Ana Lima',
    remote_display_name: 'Ana Lima',
    remote_port: '50312',
    trigger: 'web',
    vendor: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0',
    version_id: '34',
    ...extra,
  };
}

/** Service configuration for a SIP call dialled to `user@example.com`. */
export function sipDialInQuery(user: string): Record<string, string> {
  return {
    bandwidth: '2048',
    call_direction: 'dial_in',
    local_alias: `sip:${user}@example.com`,
    location: 'London',
    node_ip: '10.0.0.11',
    protocol: 'sip',
    registered: 'False',
    remote_address: '203.0.113.40',
    remote_alias: 'sip:+441632960123@carrier.example',
    remote_display_name: '+441632960123',
    remote_port: '5060',
    trigger: 'invite',
    vendor: 'Cisco-SIPGateway/IOS-15.x',
    version_id: '34',
  };
}

/** Participant properties for one participant (`api` first, then `standard` on a web join). */
export function participantQuery(alias: string, conference: string, participant: string, type: 'api' | 'standard' | 'api_host' = 'standard', extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...webJoinQuery(alias),
    call_uuid: `call-${participant}`,
    participant_uuid: participant,
    participant_type: type,
    preauthenticated_role: '',
    service_name: conference,
    service_tag: 'securejoin',
    unique_service_name: conference,
    ...extra,
  };
}

export async function policyGet(baseUrl: string, path: 'service/configuration' | 'participant/properties', query: Record<string, string>, authorization: string | null = basic()): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/policy/v1/${path}?${new URLSearchParams(query).toString()}`, { headers: authorization ? { authorization } : {} });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}
