/**
 * Sections of an INI file such as `~/.ncloud/configure`: `[name]` headers, `key = value` lines,
 * `#` and `;` comments. Keys before the first header go in the section named `''`. Keys are
 * lower-cased; values are trimmed and lose one pair of surrounding quotes.
 */
export declare function parseConfigure(text: string): Map<string, Record<string, string>>;
