/**
 * The send check's question when the meeting's own codes are gone (sessionData lost, e.g. a
 * reopened meeting): does the block's join link lead to one of the admin's conference nodes?
 * Without sessionData the only record of "what should be there" is the body being checked, so
 * the link's node is checked against the policy instead, exactly (origin and web app path as the
 * policy writes them): a look-alike host, another port, http, or another path is not confirmed.
 */
import type { Policy, PolicyNode } from '../../core/policy';
import { securityFromBody } from './security';

/** The outcome: the policy node the block's link is on, or why it cannot be confirmed. */
export type BlockNodeCheck = { ok: true; node: PolicyNode } | { ok: false; reason: string };

/** Checks the node of the SecureJoin block's join link in `bodyHtml` against `policy.nodes`. Never throws. */
export function checkBlockNode(bodyHtml: string, policy: Policy): BlockNodeCheck {
  const found = securityFromBody(bodyHtml);
  if (!found || !found.nodeOrigin || found.webAppPath === undefined) {
    return { ok: false, reason: 'The SecureJoin block is damaged: its join link is missing or unreadable, so its conference node cannot be confirmed.' };
  }
  const { nodeOrigin, webAppPath } = found;
  const node = policy.nodes.find((n) => n.origin === nodeOrigin && n.webAppPath === webAppPath);
  if (node) return { ok: true, node };
  const sameOrigin = policy.nodes.some((n) => n.origin === nodeOrigin);
  return {
    ok: false,
    reason: sameOrigin
      ? `The join link in the SecureJoin block uses the web app path "/${webAppPath}", which is not the one your administrator set for ${nodeOrigin}.`
      : `The join link in the SecureJoin block points to ${nodeOrigin}, which is not one of your administrator's conference nodes.`,
  };
}
