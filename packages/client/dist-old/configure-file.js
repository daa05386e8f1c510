/**
 * Sections of an INI file such as `~/.ncloud/configure`: `[name]` headers, `key = value` lines,
 * `#` and `;` comments. Keys before the first header go in the section named `''`. Keys are
 * lower-cased; values are trimmed and lose one pair of surrounding quotes.
 */
export function parseConfigure(text) {
    const sections = new Map();
    let current = {};
    sections.set('', current);
    for (const rawLine of text.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#') || line.startsWith(';'))
            continue;
        const header = /^\[\s*(.+?)\s*\]$/.exec(line);
        if (header) {
            const name = header[1];
            current = sections.get(name) ?? {};
            sections.set(name, current);
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const value = line.slice(eq + 1).trim();
        current[line.slice(0, eq).trim().toLowerCase()] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
    }
    return sections;
}
