/** The first fenced code block in `lang` under a README's "## Example" heading: the example a reader runs first. */
export function readmeExample(readme: string, lang: string): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Example\n'))
  if (!section) throw new Error('the README has no "## Example" section')
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section)
  if (!block) throw new Error(`the README's "## Example" section has no \`\`\`${lang} block`)
  return block[1]!
}
