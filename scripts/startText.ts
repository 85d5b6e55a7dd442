/**
 * What `npm start` prints as the steps to try. Kept apart from start.ts so a test can hold every
 * quoted UI name in it against the UI's own sources: the words must be the buttons people see.
 */

/** The "What to do" steps for the running playground and node. */
export function whatToDo(playgroundUrl: string, nodeUrl: string, https: boolean): string[] {
  return [
    'What to do:',
    `  1. Organizer: open ${playgroundUrl}. The new meeting already has the SecureJoin block in its body.`,
    '     Set "Start" to within 15 minutes from now (codes open 15 minutes before the start), fill in "Subject"',
    '     and add two attendees ("Add attendee"). In the task pane, under "Passcodes", choose "Unique passcode',
    '     per invitee". The block follows every change; if the task pane says the block is out of date, press',
    `     "Update block". Then press "Send". The task pane registers the meeting with the meeting service, which makes`,
    '     its links and access code (the block shows them once the service has answered); the node',
    `     ${nodeUrl} asks the service's policy API about each join, as Pexip Infinity would${https ? '' : ' (the add-in policy names it only over HTTPS: not available now)'}.`,
    '  2. Attendee: in the extension popup, paste a personal message from the task pane ("Personal messages")',
    '     and confirm; or open the demo room\'s guest link above in the browser with the extension.',
    '  3. Open the invite\'s join link, type a name, press "Join": the extension fills the PIN (or says when the',
    '     code opens). Guests wait until someone joins with the host PIN (task pane: "Host PIN").',
    '  4. Enter wrong PINs on a join page: the extension warns before the limit; after 5 the page says when to',
    '     try again, and more than 20 against one meeting (all its links and codes together) lock it for 10 minutes.',
  ];
}
