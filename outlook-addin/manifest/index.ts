/** The add-in's XML manifest: rendering for a host URL, and its invariants checked offline. */
export { renderManifest, normaliseHostUrl, eventsMailboxVersion, escapeXml, DEFAULT_ADDIN_ID, BASE_MAILBOX_VERSION, ADDIN_FILES } from './render';
export type { ManifestOptions } from './render';
export { manifestProblems, launchFunctionNames, compareVersions, OFFICE_APP_ORDER, VERSION_OVERRIDES_ORDER, RESOURCES_ORDER, MAIL_HOST_ORDER } from './check';
export { parseXml, findAll, localNameOf, XmlSyntaxError } from './xml';
export type { XmlElement } from './xml';
