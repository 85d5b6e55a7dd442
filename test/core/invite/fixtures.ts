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
