/**
 * Code labels in Portuguese, Polish, Swedish, Danish, Norwegian, Finnish, Japanese, Chinese and
 * Korean, as Teams, Zoom, Webex and Pexip write them in those languages, each mapped to one of
 * labels.ts's canonical English labels (never a new one). The words a label alone may be in
 * prose ("hasło", "lösenord", "密码") are only read where an invite writes a code: right after a
 * ":" or in a table cell (candidates.ts), so a sentence mentioning a password yields nothing.
 */

/** [pattern (regex source, lowercase, matched case-insensitively), canonical label]. */
export type LabelEntry = readonly [string, string];

const SP = '[ \\u00a0-]?';

const PORTUGUESE: readonly LabelEntry[] = [
  ['id da confer[êe]ncia telef[ôo]nica', 'Phone conference ID'],
  ['n[úu]mero da reuni[ãa]o', 'Meeting number'],
  ['id da reuni[ãa]o', 'Meeting ID'],
  ['id da confer[êe]ncia', 'Conference ID'],
  ['senha num[ée]rica', 'Password'],
  ['senha', 'Password'],
  ['c[óo]digo pin', 'PIN'],
  ['pin do convidado', 'Guest PIN'],
  ['pin do (?:anfitri[ãa]o|organizador)', 'Host PIN'],
];

const POLISH: readonly LabelEntry[] = [
  ['identyfikator konferencji telefonicznej', 'Phone conference ID'],
  ['numer spotkania', 'Meeting number'],
  ['identyfikator spotkania', 'Meeting ID'],
  ['identyfikator konferencji', 'Conference ID'],
  ['kod dost[ęe]pu', 'Access code'],
  ['has[łl]o', 'Password'],
  ['kod pin', 'PIN'],
  ['pin go[śs]cia', 'Guest PIN'],
  ['pin (?:gospodarza|organizatora)', 'Host PIN'],
];

const SWEDISH: readonly LabelEntry[] = [
  ['m[öo]tesnummer', 'Meeting number'],
  [`m[öo]tes${SP}id`, 'Meeting ID'],
  [`konferens${SP}id`, 'Conference ID'],
  ['l[öo]senkod', 'Passcode'],
  ['l[öo]senord', 'Password'],
  ['[åa]tkomstkod', 'Access code'],
  [`g[äa]st${SP}pin`, 'Guest PIN'],
  [`v[äa]rd${SP}pin`, 'Host PIN'],
  [`pin${SP}kod`, 'PIN'],
];

const DANISH_NORWEGIAN: readonly LabelEntry[] = [
  ['m[øo]dennummer', 'Meeting number'],
  ['m[øo]tenummer', 'Meeting number'],
  [`m[øo]de${SP}id`, 'Meeting ID'],
  [`m[øo]te${SP}id`, 'Meeting ID'],
  [`konferen(?:ce|se)${SP}id`, 'Conference ID'],
  ['adgangskode', 'Passcode'],
  ['passkode', 'Passcode'],
  ['passord', 'Password'],
  ['tilgangskode', 'Access code'],
  [`g(?:[æa]ste|jeste)${SP}pin`, 'Guest PIN'],
  [`(?:v[æa]rts|verts?)${SP}pin`, 'Host PIN'],
  [`pin${SP}kode`, 'PIN'],
];

const FINNISH: readonly LabelEntry[] = [
  ['kokousnumero', 'Meeting number'],
  ['kokouksen tunnus', 'Meeting ID'],
  ['neuvottelun tunnus', 'Conference ID'],
  ['tunnuskoodi', 'Passcode'],
  ['salasana', 'Password'],
  ['p[äa][äa]sykoodi', 'Access code'],
  [`vieraan pin(?:${SP}koodi)?`, 'Guest PIN'],
  [`(?:is[äa]nn[äa]n|j[äa]rjest[äa]j[äa]n) pin(?:${SP}koodi)?`, 'Host PIN'],
  [`pin${SP}koodi`, 'PIN'],
];

/** CJK words have no spaces around them: "会議ID：", "会议 ID:" are both written. */
const CJK: readonly LabelEntry[] = [
  ['電話会議\\s?id', 'Phone conference ID'],
  ['会議番号', 'Meeting number'],
  ['会議\\s?id', 'Meeting ID'],
  ['ミーティング\\s?id', 'Meeting ID'],
  ['パスコード', 'Passcode'],
  ['パスワード', 'Password'],
  ['アクセスコード', 'Access code'],
  ['ゲスト\\s?pin', 'Guest PIN'],
  ['ホスト\\s?pin', 'Host PIN'],
  ['pin\\s?コード', 'PIN'],
  ['暗証番号', 'PIN'],
  ['(?:会议号码?|會議號碼?)', 'Meeting number'],
  ['(?:会议|會議)\\s?id', 'Meeting ID'],
  ['(?:入会密码|会议密码|會議密碼|密码|密碼)', 'Password'],
  ['(?:访问码|存取碼|接入码)', 'Access code'],
  ['(?:访客|來賓|嘉宾)\\s?pin', 'Guest PIN'],
  ['主持人\\s?pin', 'Host PIN'],
  ['pin\\s?(?:码|碼)', 'PIN'],
  ['회의\\s?번호', 'Meeting number'],
  ['회의\\s?id', 'Meeting ID'],
  ['(?:회의\\s?)?(?:암호|비밀번호)', 'Password'],
  ['액세스\\s?코드', 'Access code'],
  ['게스트\\s?pin', 'Guest PIN'],
  ['호스트\\s?pin', 'Host PIN'],
  ['pin\\s?코드', 'PIN'],
];

/** Every label of these languages (labels.ts sorts them with the rest, longest first). */
export const MORE_LANGUAGE_LABELS: readonly LabelEntry[] = [...PORTUGUESE, ...POLISH, ...SWEDISH, ...DANISH_NORWEGIAN, ...FINNISH, ...CJK];
