/** Building regular expressions from data (words and phrases of the data files). */

/** `text` with every character a regular expression treats specially escaped, so it matches itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The alternation of `phrases` (`a|b c` -> `a|b\s+c`): each escaped, its spaces matching any run of
 * white space, for use inside a group.
 */
export function phraseAlternation(phrases: readonly string[]): string {
  return phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|');
}
