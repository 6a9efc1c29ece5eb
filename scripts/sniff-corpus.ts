// Builds the documents the article classifier is trained and evaluated on, fresh on each run and
// never written to disk: news articles from ../shared (positives) and plain text that is not news
// (negatives) from this machine: licence, changelog and README files in node_modules and
// /usr/share/doc, release notes, Debian copyright files, common licences, man pages, config
// files, code, real and generated logs, CSV and lists, tweets (also laid out as personal prose),
// encyclopedia prose, and fortune files (quotations with attributions) where Debian's fortunes
// packages are installed.
// Each document keeps only the head the editor would read (a little more than SNIFF_BYTES).
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { SNIFF_BYTES } from '../src/core/sniff/signals';

export interface SniffDoc {
  text: string;
  label: 0 | 1;
  /** Where it comes from, for the per-collection table ("polnear", "debian/release-notes", …). */
  collection: string;
  /** Documents of one group (a package, a story) always land in the same fold. */
  group: string;
  /** Relative weight in training (CoNLL is one source in one layout, so it counts half); 0: reported only, never trained on. */
  weight: number;
  /** Set on training-only variants (no headline, short head, hard-wrapped); never evaluated. */
  variant?: string;
  /** A short name for listings. */
  name: string;
}

const READ_BYTES = SNIFF_BYTES * 2;

function readHead(path: string): string | undefined {
  let buf: Buffer;
  try {
    if (path.endsWith('.gz')) {
      const fd = openSync(path, 'r');
      const raw = Buffer.alloc(READ_BYTES * 2);
      const got = readSync(fd, raw, 0, raw.length, 0);
      closeSync(fd);
      // A truncated gzip stream inflates as far as it goes when flushed instead of finished.
      buf = gunzipSync(raw.subarray(0, got), { finishFlush: constants.Z_SYNC_FLUSH });
    } else {
      const fd = openSync(path, 'r');
      buf = Buffer.alloc(READ_BYTES);
      const got = readSync(fd, buf, 0, READ_BYTES, 0);
      closeSync(fd);
      buf = buf.subarray(0, got);
    }
  } catch {
    return undefined;
  }
  const text = buf.toString('utf8').slice(0, READ_BYTES);
  if (!text.trim() || text.includes('\u0000')) return undefined;
  return text;
}

function walk(dir: string, out: string[], depth = 12): string[] {
  if (depth < 0) return out;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(full, out, depth - 1);
    else if (st.isFile() && st.size > 0) out.push(full);
  }
  return out;
}

function jsonl(file: string): { text: string; meta?: Record<string, unknown> }[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; meta?: Record<string, unknown> });
}

// ---------- positives ----------

function positives(sharedDir: string): SniffDoc[] {
  const data = join(sharedDir, 'data');
  const docs: SniffDoc[] = [];
  const add = (text: string, collection: string, group: string, name: string, weight = 1): void =>
    void docs.push({ text: text.slice(0, READ_BYTES), label: 1, collection, group, weight, name });
  for (const dir of ['seeds', 'samples/wikinews']) {
    const full = join(sharedDir, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((n) => n.endsWith('.txt')).sort()) {
      add(readFileSync(join(full, f), 'utf8'), dir === 'seeds' ? 'seeds' : 'wikinews-samples', `story:${f.replace(/^GUM_news_/, '')}`, `${dir}/${f}`);
    }
  }
  for (const d of jsonl(join(data, 'gum-news-train.jsonl'))) add(d.text, 'gum-news', `gum:${String(d.meta?.title)}`, `gum:${String(d.meta?.title).slice(0, 40)}`);
  for (const d of jsonl(join(data, 'polnear-train.jsonl'))) {
    add(d.text, `polnear/${String(d.meta?.publisher)}`, `polnear:${String(d.meta?.title)}`, `polnear:${String(d.meta?.title).slice(0, 50)}`);
  }
  // CoNLL-2003 is Reuters copy of 1996 as the corpus keeps it: already detokenised in the JSONL,
  // but one sentence per line and no blank lines. It is one source in one layout with 1,162
  // documents, so each counts half in training; a variant with blank lines between sentences
  // (how wire copy reads once saved from a page) is added for training only.
  for (const file of ['conll2003-train.jsonl', 'conll2003-dev.jsonl']) {
    const rows = jsonl(join(data, file));
    rows.forEach((d, i) => {
      const name = `${file.replace('.jsonl', '')}#${i}`;
      if (isWireTable(d.text)) add(d.text, 'conll-tables', `conll:${name}`, name, 0);
      else add(d.text, 'conll', `conll:${name}`, name, 0.5);
    });
  }
  return docs;
}

/**
 * CoNLL-2003 holds many wire items that are tables (sports results, standings, market prices,
 * bond terms) under a headline and dateline. They are kept out of the recall figure and reported
 * on their own: recognising a results table as an article is not what readers need. An item is a
 * table unless its body has a sentence of prose (eight or more lower-case words, ending in a full
 * stop) and at least 30% of its tokens are lower-case words.
 */
export function isWireTable(text: string): boolean {
  const body = text.split('\n').slice(2).join(' ');
  const tokens = body.split(/\s+/).filter(Boolean);
  const lower = tokens.filter((t) => /^[a-z][a-z'’-]+[.,;:]?$/.test(t)).length;
  const prose = body.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/).some((s) => /[.!?]["”]?$/.test(s) && (s.match(/\b[a-z]{2,}\b/g)?.length ?? 0) >= 8);
  return !(prose && lower >= 0.3 * tokens.length);
}

// ---------- negatives ----------

function kindOfPackageFile(name: string): string | undefined {
  const n = name.toLowerCase();
  if (/^(?:licen[cs]e|copying|notice|unlicense|thirdpartynotices|copyrightnotice|license-)/.test(n)) return 'licence';
  if (/^readme/.test(n)) return 'readme';
  if (/^(?:changelog|changes|history|news|release)/.test(n)) return 'changelog';
  if (/\.(?:md|markdown|txt|rst)$/.test(n)) return 'docs';
  return undefined;
}

function packageOf(path: string, root: string): string {
  const parts = relative(root, path).split('/');
  const at = parts.lastIndexOf('node_modules');
  const rest = at >= 0 ? parts.slice(at + 1) : parts;
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0] ?? root;
}

function nodeModules(roots: string[]): SniffDoc[] {
  const docs: SniffDoc[] = [];
  const codeSeen = new Set<string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const path of walk(root, [])) {
      const name = basename(path);
      const pkg = packageOf(path, root);
      const kind = kindOfPackageFile(name);
      if (kind) {
        const text = readHead(path);
        if (text) docs.push({ text, label: 0, collection: `npm/${kind}`, group: `pkg:${pkg}`, weight: 1, name: relative(root, path) });
      } else if (/\.(?:js|mjs|cjs|ts|json)$/.test(name) && !name.endsWith('.min.js')) {
        // One code file per package and extension: enough variety without thousands of them.
        const key = `${pkg}:${name.split('.').pop()}`;
        if (codeSeen.has(key)) continue;
        codeSeen.add(key);
        const text = readHead(path);
        if (text) docs.push({ text, label: 0, collection: 'code', group: `pkg:${pkg}`, weight: 1, name: relative(root, path) });
      }
    }
  }
  return docs;
}

function debianKind(path: string): string | undefined {
  const name = basename(path).toLowerCase();
  if (/\.(?:html?|css|png|jpe?g|gif|svg|js|pdf|ico|woff2?|ttf|xml|json)(?:\.gz)?$/.test(name)) return undefined;
  if (name === 'copyright') return 'copyright';
  if (/^changelog/.test(name)) return 'changelog';
  if (/^(?:news|release|.*releasenotes|relnotes)/.test(name) || /\/releases?\//.test(path)) return 'release-notes';
  if (/^readme/.test(name)) return 'readme';
  if (/\.txt(?:\.gz)?$/.test(name)) return 'txt';
  if (/\.(?:c|h|py|pl|sh|rb|java|mk)(?:\.gz)?$|^makefile/.test(name)) return 'code';
  return 'other';
}

function usrShareDoc(root = '/usr/share/doc'): SniffDoc[] {
  const docs: SniffDoc[] = [];
  for (const path of walk(root, [])) {
    const kind = debianKind(path);
    if (!kind) continue;
    const text = readHead(path);
    if (!text) continue;
    const pkg = relative(root, path).split('/')[0]!;
    docs.push({ text, label: 0, collection: kind === 'code' ? 'code' : `debian/${kind}`, group: `pkg:${pkg.replace(/^lib|(?:-dev|-common|-doc|-bin|-data|\d[\d.]*[a-z]?)$/g, '')}`, weight: 1, name: relative(root, path) });
  }
  for (const path of walk('/usr/share/common-licenses', [])) {
    const text = readHead(path);
    if (text) docs.push({ text, label: 0, collection: 'common-licenses', group: `licence:${basename(path).replace(/-[\d.]+$/, '')}`, weight: 1, name: path });
  }
  return docs;
}

function systemText(): SniffDoc[] {
  const docs: SniffDoc[] = [];
  for (const path of walk('/etc', [], 2).filter((p) => /\.(?:conf|cfg|ini|list)$|^(?:hosts|fstab|passwd|group|services|protocols)$/.test(basename(p)))) {
    const text = readHead(path);
    if (text) docs.push({ text, label: 0, collection: 'config', group: `etc:${dirname(path)}`, weight: 1, name: path });
  }
  for (const path of walk('/var/log', [], 2).filter((p) => /\.log(?:\.\d)?$/.test(p))) {
    const text = readHead(path);
    if (text) docs.push({ text, label: 0, collection: 'logs', group: `log:${basename(path)}`, weight: 1, name: path });
  }
  // Every 40th Python module of the standard library.
  const py = walk('/usr/lib/python3.11', [], 3).filter((p) => p.endsWith('.py'));
  for (let i = 0; i < py.length; i += 40) {
    const text = readHead(py[i]!);
    if (text) docs.push({ text, label: 0, collection: 'code', group: `py:${dirname(py[i]!)}`, weight: 1, name: py[i]! });
  }
  // Man pages as a person saves them to a .txt: rendered, 80 columns. Every 600th page of section 1,
  // every 200th of sections 5 and 8.
  for (const [section, step] of [['1', 600], ['5', 200], ['8', 200]] as const) {
    const dir = `/usr/share/man/man${section}`;
    if (!existsSync(dir)) continue;
    const pages = readdirSync(dir).sort();
    for (let i = 0; i < pages.length; i += step) {
      const page = pages[i]!.replace(/\.gz$/, '').replace(/\.\w+$/, '');
      try {
        const text = execFileSync('man', ['-P', 'cat', section, page], { env: { ...process.env, MANWIDTH: '80' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
        if (text.trim()) docs.push({ text: text.slice(0, READ_BYTES), label: 0, collection: 'man-pages', group: `man:${page}`, weight: 1, name: `man ${section} ${page}` });
      } catch {
        // pages that fail to render are simply left out
      }
    }
  }
  return docs;
}

/**
 * Fortune-cookie files (Debian's fortunes packages, when installed): epigrams, literature and
 * quotations with "-- Author" attributions, the closest look-alike of quoted speech there is.
 * Up to six 4 KB stretches of each file.
 */
function fortunes(root = '/usr/share/games/fortunes'): SniffDoc[] {
  const docs: SniffDoc[] = [];
  if (!existsSync(root)) return docs;
  for (const path of walk(root, [], 2).filter((p) => !/\.(?:dat|u8)$/.test(p))) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    if (text.includes('\u0000')) continue;
    const step = Math.max(READ_BYTES, Math.floor(text.length / 6));
    for (let at = 0, k = 0; at < text.length && k < 6; at += step, k++) {
      const from = at === 0 ? 0 : text.indexOf('\n%\n', at) + 3;
      if (from < 3 && at > 0) break;
      docs.push({ text: text.slice(from, from + READ_BYTES), label: 0, collection: 'fortunes', group: `fortune:${basename(path)}`, weight: 1, name: `${relative(root, path)} #${k}` });
    }
  }
  return docs;
}

/** `git log` of a repository, as a saved history or a release's commit list, in 4 KB chunks. */
function gitHistory(repo: string): SniffDoc[] {
  const docs: SniffDoc[] = [];
  for (const [format, args] of [['log', ['log', '--no-color', '-n', '400']], ['stat', ['log', '--no-color', '--stat', '-n', '200']], ['oneline', ['log', '--no-color', '--oneline', '-n', '600']]] as const) {
    let out: string;
    try {
      out = execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch {
      continue;
    }
    for (let i = 0, k = 0; i < out.length && k < 30; i += READ_BYTES, k++) {
      docs.push({ text: out.slice(i, i + READ_BYTES), label: 0, collection: 'git-log', group: `git:${format}:${k % 6}`, weight: 1, name: `git ${format} #${k}` });
    }
  }
  return docs;
}

function sharedNonNews(dataDir: string): SniffDoc[] {
  const docs: SniffDoc[] = [];
  // Encyclopedia prose: names, dates and places like news, but no reporting.
  const wiki = join(dataDir, 'ner-extra/wikigold/wikigold.jsonl');
  if (existsSync(wiki)) {
    jsonl(wiki).forEach((d, i) => docs.push({ text: d.text.slice(0, READ_BYTES), label: 0, collection: 'wikipedia-prose', group: `wiki:${i}`, weight: 1, name: `wikigold#${i}` }));
  }
  // A dump of tweets, one per line.
  const btc = join(dataDir, 'ner-extra/btc/btc.jsonl');
  if (existsSync(btc)) {
    const tweets = jsonl(btc).map((d) => d.text.replace(/\s+/g, ' '));
    for (let i = 0, k = 0; i < tweets.length && k < 120; k++) {
      let chunk = '';
      while (i < tweets.length && chunk.length < SNIFF_BYTES) chunk += tweets[i++] + '\n';
      docs.push({ text: chunk, label: 0, collection: 'tweets', group: `tweets:${k >> 2}`, weight: 1, name: `btc chunk ${k}` });
    }
    // The same kind of first-person writing laid out as prose: a few posts to a paragraph, handles,
    // links and hashtag marks dropped, as in a diary or a personal blog.
    const clean = tweets.map((t) => t.replace(/\bRT\b|@\w+:?|https?:\/\/\S+|#/g, '').replace(/\s+/g, ' ').trim()).filter((t) => t.split(' ').length >= 6);
    for (let i = 0, k = 0; i < clean.length && k < 160; k++) {
      const paragraphs: string[] = [];
      while (i < clean.length && paragraphs.join('\n\n').length < 600 + (k % 8) * 400) {
        paragraphs.push(clean.slice(i, i + 2 + (k % 3)).join(' '));
        i += 2 + (k % 3);
      }
      docs.push({ text: paragraphs.join('\n\n') + '\n', label: 0, collection: 'personal-prose', group: `posts:${k >> 2}`, weight: 1, name: `btc posts as prose ${k}` });
    }
  }
  // Gazetteers and data READMEs: lists, CSV and documentation about news data.
  for (const path of walk(join(dataDir, 'gazetteers'), [], 3)) {
    if (!/\.(?:csv|tsv|txt|md|jsonl|lst)(?:\.gz)?$/.test(path) && !/\/[a-z_.-]+$/i.test(path)) continue;
    const text = readHead(path);
    if (text) docs.push({ text, label: 0, collection: /\.md$/.test(path) ? 'data-docs' : 'lists', group: `gaz:${dirname(path)}`, weight: 1, name: relative(dataDir, path) });
  }
  for (const path of walk(dataDir, [], 2).filter((p) => /README|LICEN[CS]E|NOTE/i.test(basename(p)))) {
    const text = readHead(path);
    if (text) docs.push({ text, label: 0, collection: 'data-docs', group: `datadoc:${dirname(path)}`, weight: 1, name: relative(dataDir, path) });
  }
  return docs;
}

// ---------- generated look-alikes ----------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = 'server client request cache user session token error retry timeout queue worker job file disk memory network socket update config module build test deploy release record report table index backup'.split(' ');
const NAMES = 'Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert Sybil Trent Victor Walter'.split(' ');
const PLACES = 'London Paris Berlin Madrid Rome Lisbon Dublin Oslo Vienna Prague Warsaw Athens Cairo Lagos Nairobi Delhi Tokyo Seoul Lima Quito'.split(' ');

// Everyday personal writing (plans, errands, diary lines, letters to friends): prose with days,
// names and the odd "said" that is not news. Recombined per document from this bank.
const PERSONAL = [
  'Remember to pick up the dry cleaning before the shop closes at six.',
  'Mum rang this morning and wants us over for lunch on Sunday, so we should bring a dessert.',
  'The car needs new tyres before the winter, and the garage on Mill Road was the cheapest last time.',
  'I finally finished the book Anna lent me; the ending was slower than I expected but I liked it.',
  'We still have to decide whether to paint the hallway green or leave it white for another year.',
  'Tom said he can water the plants while we are away, as long as we leave the key under the pot.',
  'Dentist appointment moved to Thursday at half past ten, bring the insurance card this time.',
  'The garden looks tired after the heat; the roses need cutting back and the lawn is more brown than green.',
  'Dear Sam, thank you for the lovely card and the photographs from the wedding, they made my week.',
  'It rained all afternoon, so we stayed in, made soup and played cards until the children fell asleep.',
  'Ask the landlord again about the damp patch in the bedroom, it has spread since March.',
  'Running total for the holiday so far: flights, two nights in the guest house and the ferry back.',
  'I want to start swimming again on Monday and Wednesday mornings before work.',
  'Lucy told me the new bakery near the station does good bread but sells out by nine.',
  'Next week is busy: the school play on Tuesday, parents evening on Wednesday and the boiler service on Friday.',
  'Note to self: cancel the magazine subscription before it renews in June.',
  'We walked along the river to the old bridge and back, about five miles, and my knees complained all evening.',
  'Grandad turns eighty in August and we are thinking of a small party in the village hall.',
  'The recipe needs two eggs, a cup of flour, a pinch of salt and milk until the batter coats the spoon.',
  'I keep meaning to sort out the photos on the old laptop before it stops working for good.',
  'Hope you are all well; we miss you and the kids and can not wait to see you at Christmas.',
  'Bills this month: electricity, phone, the council tax and the last payment on the sofa.',
  'Met Priya for coffee; she is moving to Leeds in the spring for the new job and is nervous about it.',
  'The dog has been limping since the walk on Saturday, so I will take her to the vet if it is not better tomorrow.',
  'Things to pack: passports, chargers, the blue jacket, sun cream and something to read on the train.',
  'He said we could borrow the trailer for the weekend if we return it clean.',
  'My goals for this year are simple: read more, cook at home more often and call my sister every week.',
  'The neighbours have started building an extension and the noise starts at eight every morning.',
  'Write back to the school about the trip form and send the money for the museum visit.',
  'Had a long chat with Dad about the allotment; he wants to grow beans and leeks this year.',
  'The fridge is making that clicking noise again, look up whether the warranty still covers it.',
  'Our anniversary is on the ninth; book a table at the Italian place or cook something special at home.',
  'Karen asked if I could cover her shift on Saturday morning, which means moving the hairdresser to the afternoon.',
  'Spent the evening sorting the wardrobe and filled three bags for the charity shop.',
  'The train was forty minutes late again, so I missed the start of the class and had to catch up afterwards.',
  'Find the receipt for the kettle, it stopped working after a month and the shop wants proof of purchase.',
  'We agreed to split the cost of the birthday present three ways and Ben will order it online.',
  'I slept badly and felt foggy all day, so an early night and no screens after nine.',
  'Granny told us stories about the farm where she grew up and how they walked two miles to school.',
  'The heating bill was higher than last winter even though we kept the thermostat lower.',
  'Practise the piano piece every day this week, especially the left hand in the second page.',
  'Jamie lost his first tooth today and was very worried the tooth fairy would not find the house.',
  'Buy a present for Rosa, collect the parcel from the post office and return the library books.',
  'Thinking about changing jobs, but I want to wait until the kids are settled at the new school.',
  'The weather turned cold overnight, so I dug out the winter coats and the boots from the loft.',
  'Dear Aunt Helen, we arrived safely and the cottage is even nicer than in the pictures you sent.',
  'Menu for the week: curry on Monday, pasta on Tuesday, leftovers Wednesday and fish on Friday.',
  'Chris said the meeting about the school fence got heated, but in the end everyone agreed to share the cost.',
  'I should reply to the wedding invitation by the end of the month and check the train times.',
  'Back from the hospital visit; Mum is tired but in good spirits and asked for her reading glasses.',
];

function generated(): SniffDoc[] {
  const docs: SniffDoc[] = [];
  const r = rng(21);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const num = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = (): string => `${pad(num(0, 24))}:${pad(num(0, 60))}:${pad(num(0, 60))}`;
  const date = (): string => `20${pad(num(10, 26))}-${pad(num(1, 13))}-${pad(num(1, 29))}`;
  const sentence = (k: number): string => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  const fill = (line: () => string): string => {
    let s = '';
    while (s.length < SNIFF_BYTES + 200) s += line() + '\n';
    return s;
  };
  // Personal writing draws on one fifth of the bank per document, so documents of different
  // fifths share no sentence and cross-validation sees writing it was not trained on.
  let personalPart = 0;
  const personal = (): string => pick(PERSONAL.filter((_, k) => k % 5 === personalPart));
  const generators: [string, () => string][] = [
    ['logs', () => fill(() => `${date()} ${time()} ${pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [${pick(WORDS)}-${num(1, 9)}] ${sentence(num(3, 9))} (${num(1, 999)} ms)`)],
    ['logs', () => fill(() => `${pick(['Jan', 'Feb', 'Mar', 'Nov', 'Dec'])} ${num(1, 29)} ${time()} host ${pick(['sshd', 'cron', 'kernel', 'systemd'])}[${num(100, 9999)}]: ${pick(['Accepted publickey for', 'Started', 'Stopped', 'Failed password for'])} ${pick(NAMES).toLowerCase()} from 10.0.${num(0, 255)}.${num(1, 255)} port ${num(1024, 65535)}`)],
    ['logs', () => fill(() => `10.0.${num(0, 255)}.${num(1, 255)} - - [${num(1, 29)}/Nov/2025:${time()} +0000] "GET /${pick(WORDS)}/${num(1, 999)} HTTP/1.1" ${pick([200, 200, 304, 404, 500])} ${num(100, 99999)} "-" "Mozilla/5.0"`)],
    ['logs', () => fill(() => `${num(1, 999)} ${pick(['verbose', 'silly', 'timing', 'http'])} ${pick(WORDS)} ${sentence(num(2, 6))} ${pick(['completed in', 'fetch GET 200', 'said'])} ${num(1, 900)}ms`)],
    ['csv', () => `id,name,city,date,amount,status\n` + fill(() => `${num(1, 99999)},${pick(NAMES)} ${pick(NAMES)}son,${pick(PLACES)},${date()},${(r() * 1000).toFixed(2)},${pick(['paid', 'open', 'void'])}`)],
    ['csv', () => `"headline","source","published","said"\n` + fill(() => `"${pick(NAMES)} ${pick(['wins', 'loses', 'visits', 'meets'])} ${pick(PLACES)}","${pick(['wire', 'web', 'print'])}","${date()}","${pick(['yes', 'no'])}"`)],
    ['csv', () => fill(() => Array.from({ length: num(3, 9) }, () => (r() < 0.5 ? String(num(0, 10000)) : pick(WORDS))).join('\t'))],
    ['lists', () => `TODO\n\n` + fill(() => `${pick(['- [ ] ', '- [x] ', '* ', '- ', `${num(1, 30)}. `])}${pick(['call', 'email', 'ask', 'tell', 'meet'])} ${pick(NAMES)} about the ${pick(WORDS)} ${pick(['', 'on Monday', 'before Friday', 'in ' + pick(PLACES)])}`)],
    ['lists', () => fill(() => pick(r() < 0.5 ? NAMES : PLACES) + (r() < 0.3 ? `, ${pick(PLACES)}` : ''))],
    ['personal', () => {
      const paragraphs: string[] = [];
      if (r() < 0.5) paragraphs.push(pick(['Notes', 'To do this week', `Diary, ${pick(['Monday', 'Sunday', 'Friday'])}`, 'Weekend plans', 'Letter to Jo', date()]));
      while (paragraphs.join('\n\n').length < num(300, 3000)) {
        paragraphs.push(r() < 0.25
          ? Array.from({ length: num(2, 6) }, () => `- ${personal().replace(/[.;].*$/, '').toLowerCase()}`).join('\n')
          : Array.from({ length: num(1, 4) }, () => personal()).join(' '));
      }
      return paragraphs.join(r() < 0.8 ? '\n\n' : '\n') + '\n';
    }],
    ['notes', () => `Meeting notes ${date()}\n\nPresent: ${NAMES.slice(0, num(3, 8)).join(', ')}\n\n` + fill(() => `${pick(NAMES)} ${pick(['said', 'asked', 'noted', 'will check'])} ${pick(['that', 'whether', 'if'])} the ${pick(WORDS)} ${pick(['is ready', 'needs a review', 'moves to ' + pick(PLACES), 'can wait'])}.${r() < 0.3 ? '\n' : ''}`)],
  ];
  generators.forEach(([collection, make], g) => {
    for (let i = 0; i < (collection === 'personal' ? 100 : 24); i++) {
      personalPart = i % 5;
      docs.push({ text: make().slice(0, READ_BYTES), label: 0, collection: `generated-${collection}`, group: `gen:${g}:${collection === 'personal' ? personalPart : i % 6}`, weight: 1, name: `generated ${collection} ${g}.${i}` });
    }
  });
  return docs;
}

// ---------- variants for training ----------

/** Cuts a text after about `chars` characters, at a line end when there is one. */
function cutAt(text: string, chars: number): string {
  const end = text.indexOf('\n', chars);
  return end < 0 ? text : text.slice(0, end + 1);
}

function wrap(text: string, width: number): string {
  return text.split('\n').map((line) => {
    const out: string[] = [];
    let cur = '';
    for (const word of line.split(' ')) {
      if (cur && cur.length + 1 + word.length > width) {
        out.push(cur);
        cur = word;
      } else cur = cur ? `${cur} ${word}` : word;
    }
    out.push(cur);
    return out.join('\n');
  }).join('\n');
}

/**
 * Training-only variants, in the same group as their original: an article without its headline
 * (a saved wire story often starts at the dateline), its first few hundred characters (a short
 * brief), hard-wrapped at 72 columns (copied from an e-mail), CoNLL's one-sentence lines as
 * paragraphs; a negative's short head too. Items kept for the report only get none.
 */
export function variants(doc: SniffDoc, index: number): SniffDoc[] {
  const out: SniffDoc[] = [];
  if (doc.weight === 0) return out;
  const add = (text: string, variant: string): void => {
    if (text.trim().length >= 40 && text !== doc.text) out.push({ ...doc, text, variant });
  };
  if (doc.label === 1) {
    add(doc.text.replace(/^\s*[^\n]*\n+/, ''), 'no-headline');
    add(cutAt(doc.text, 350 + (index % 5) * 100), 'short');
    if (index % 3 === 0) add(wrap(doc.text, 72), 'wrapped');
    if (doc.collection === 'conll') add(doc.text.replace(/\n(?=\S)/g, '\n\n'), 'paragraphs');
  } else {
    add(cutAt(doc.text, 350 + (index % 5) * 100), 'short');
  }
  return out;
}

export interface CorpusOptions {
  sharedDir: string;
  repoDir: string;
}

export function buildCorpus({ sharedDir, repoDir }: CorpusOptions): SniffDoc[] {
  const all = [
    ...positives(sharedDir),
    ...nodeModules([join(repoDir, 'node_modules'), '/usr/lib/node_modules']),
    ...usrShareDoc(),
    ...systemText(),
    ...gitHistory(repoDir),
    ...fortunes(),
    ...sharedNonNews(join(sharedDir, 'data')),
    ...generated(),
  ];
  // The same file shipped by several packages (an MIT licence, a shared changelog) counts once.
  const seen = new Set<string>();
  return all.filter((d) => {
    const key = `${d.label}:${d.text.slice(0, SNIFF_BYTES).replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
