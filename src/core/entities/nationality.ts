// CoNLL's MISC class mixes nationalities with events, languages and titles of works. Only the
// nationality-like spans ("Russian", "West Indian", "Ukrainians", "Western") become NORP.

const ENDINGS = ['an', 'ans', 'ese', 'ish', 'i', 'is', 'ch', 'ss', 'ek', 'eks', 'ai', 'ern', 'iet', 'ab', 'abs', 'ic'];
const NOT_NORP = new Set(['olympic', 'olympics', 'catholic church', 'republic', 'pacific', 'atlantic', 'arctic', 'baltic', 'nobel', 'grand', 'english', 'nazi']);
const GROUPS = new Set(['muslim', 'muslims', 'jew', 'jews', 'jewish', 'catholic', 'catholics', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'islamist', 'islamists', 'democrat', 'democrats', 'republicans', 'nazi', 'nazis', 'english']);

export function isNationality(text: string): boolean {
  if (/\d/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 3) return false;
  const last = words[words.length - 1].toLowerCase();
  if (GROUPS.has(last)) return true;
  if (last.includes('-') || NOT_NORP.has(last)) return false;
  return ENDINGS.some((e) => last.endsWith(e)) && last.length > 3;
}
