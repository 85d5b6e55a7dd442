/**
 * The browser extension's identity. Managed policy files are keyed by extension id, so the CLI's
 * policy export and the extension's development build must agree on it.
 *
 * `DEV_EXTENSION_KEY` is the public half (base64 DER) of a key pair whose private half was never
 * kept: putting it in the development/test manifest as `key` fixes the id to
 * `DEV_EXTENSION_ID`. A store-published extension gets its id from the store; admins pass that
 * id to `securejoin policy export --extension-id`.
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwpMPdOvIHmwXfLAFRcGwxN3zxe248eS/XgNcn9DWiNkPI8BIEJ2E3w11HLGw2reilVzYzO3aa3bIPATcV3UkTZ2u+tkTouduBFHb+zLTz49iS3mPcT4XAoiLlBbOQ42P2xRuMQ3jG2d0/tH0meWtJmRKwvQ9j3uYaZr1+DpoxTrAgZk/xhmXsMyLCilurMnSHvwLK+klpQedsvXyEWU7Zn+gz4PaTrgoDnpzZRB3Fi7NFXoruaK2yAI/y1MWpK23x6a7V95DPgp2zBxLTEcJDA7dObDR6b9EjiLP4nFEmQHYoAx7ph99E5Erw6UCyhRoA15Mk2WZAQF7w/9uEjStwwIDAQAB';

/** Chromium extension id derived from {@link DEV_EXTENSION_KEY}. */
export const DEV_EXTENSION_ID = 'jlfcocdbgnmkbgndlhnfblnffaofldef';

/** Firefox (Gecko) add-on id used in the manifest's browser_specific_settings and policies. */
export const GECKO_EXTENSION_ID = 'securejoin@securejoin.dev';
