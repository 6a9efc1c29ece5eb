// Alias groups kept from one analysis of an edited document to the next. Grouping reads of each
// mention only its text, its type, its roles and where it stands among the others (reading order,
// and which of two comes first): never an offset as such. So when an edit leaves that sequence as
// it was (a letter typed in a sentence that names nobody new, the usual keystroke), the groups are
// the last ones, each holding the mentions at the same places in the list. Otherwise the mentions
// are grouped again. test/unit/incremental.test.ts compares the result with a full analysis over
// random edits.
import { groupAliases, type AliasGroup, type NamedMention } from '../entities/aliases';
import { firstStartingFrom } from '../spans';
import { sameStrings } from '../lists';

/** The last grouping: what it read of each mention, and each group by the indices of its mentions. */
interface Grouped {
  texts: string[];
  types: string[];
  roles: string[][];
  /** Per mention: 0 when it starts where the one before it does, 1 after it (the list is in reading order). */
  steps: Uint8Array;
  groups: { type: AliasGroup['type']; name: string; roles: string[]; members: Int32Array }[];
}

export interface AliasReuseStats {
  /** Whether the last call took the groups over from the call before. */
  reused: boolean;
}

export class AliasGroups {
  private last: Grouped | undefined;
  stats: AliasReuseStats = { reused: false };

  /** What groupAliases(mentions) gives, from the last call's groups when their inputs are the same. */
  group(mentions: NamedMention[]): AliasGroup[] {
    const steps = readingSteps(mentions);
    const last = this.last;
    if (steps && last && sameInputs(mentions, steps, last)) {
      this.stats = { reused: true };
      return last.groups.map((g) => ({ type: g.type, name: g.name, roles: g.roles.slice(), mentions: membersOf(g.members, mentions) }));
    }
    this.stats = { reused: false };
    // Read before grouping: the groups returned are the caller's to change.
    const texts = mentions.map((m) => m.text);
    const types = mentions.map((m) => m.type);
    const roles = mentions.map((m) => m.roles.slice());
    const groups = groupAliases(mentions);
    if (!steps) {
      this.last = undefined;
      return groups;
    }
    this.last = {
      texts,
      types,
      roles,
      steps,
      groups: groups.map((g) => ({ type: g.type, name: g.name, roles: g.roles.slice(), members: indicesOf(g.mentions, mentions) })),
    };
    return groups;
  }
}

function membersOf(members: Int32Array, mentions: readonly NamedMention[]): NamedMention[] {
  const out = new Array<NamedMention>(members.length);
  for (let k = 0; k < members.length; k++) out[k] = mentions[members[k]!]!;
  return out;
}

/** The index of each of `ms` in `mentions` (in reading order), found by its start: no map of tens of thousands of objects per grouping. */
function indicesOf(ms: readonly NamedMention[], mentions: readonly NamedMention[]): Int32Array {
  const out = new Int32Array(ms.length);
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    let lo = firstStartingFrom(mentions, m.start);
    while (lo < mentions.length && mentions[lo] !== m) lo++;
    if (lo === mentions.length) throw new Error('an alias group holds a mention it was not given');
    out[k] = lo;
  }
  return out;
}

/** How each mention's start compares with the one before it, or undefined when the list is not in reading order. */
function readingSteps(mentions: readonly NamedMention[]): Uint8Array | undefined {
  const steps = new Uint8Array(mentions.length);
  for (let i = 1; i < mentions.length; i++) {
    const d = mentions[i]!.start - mentions[i - 1]!.start;
    if (d < 0) return undefined;
    steps[i] = d > 0 ? 1 : 0;
  }
  return steps;
}

/** Whether grouping `mentions` reads what the last grouping read: texts, types, roles and order. */
function sameInputs(mentions: readonly NamedMention[], steps: Uint8Array, last: Grouped): boolean {
  if (mentions.length !== last.texts.length) return false;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.text !== last.texts[i] || m.type !== last.types[i] || steps[i] !== last.steps[i] || !sameStrings(m.roles, last.roles[i]!)) return false;
  }
  return true;
}
