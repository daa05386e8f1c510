import type { Command, Option } from 'commander'

export const shells = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof shells)[number]

/** What completion knows of the command tree, read from the program itself. */
interface Tree {
  /** Top-level commands (`api-key`, `product`, `help`, `completion`) with their summaries. */
  readonly top: readonly { name: string; summary: string }[]
  /** Each group's commands, with their flags (the group's own flags under the empty name). */
  readonly groups: ReadonlyMap<string, ReadonlyMap<string, { summary: string; options: readonly Option[] }>>
  readonly globals: readonly Option[]
  /** Every flag that takes a value, with its choices when it has them. */
  readonly values: ReadonlyMap<string, readonly string[] | undefined>
}

function treeOf(program: Command): Tree {
  const values = new Map<string, readonly string[] | undefined>()
  const note = (options: readonly Option[]) => {
    for (const option of options) if (option.long && (option.required || option.optional)) values.set(option.long, option.argChoices)
    return options
  }
  const globals = note(program.options.filter((option) => option.long !== '--version'))
  const groups = new Map<string, Map<string, { summary: string; options: readonly Option[] }>>()
  for (const group of program.commands) {
    const commands = new Map(group.commands.map((command) => [command.name(), { summary: command.summary(), options: note(command.options) }]))
    groups.set(group.name(), commands)
  }
  const top = program.commands.map((command) => ({ name: command.name(), summary: command.summary() || command.description() }))
  return { top, groups, globals, values }
}

const words = (list: Iterable<string>) => [...list].join(' ')
const longs = (options: readonly Option[]) => options.flatMap((option) => (option.long ? [option.long] : []))

/**
 * The body shared by bash and zsh: from the words before the cursor, the group and command typed
 * so far (skipping flags and their values), then the candidates for the word at the cursor, in
 * `offered`: a flag's choices after a flag, nothing after a flag of free text, else the commands
 * that may come next, or, when the word starts with `-`, the flags that may.
 */
function shBody(tree: Tree, wordAt: (index: string) => string, first: number, current: string): string {
  // Its variables are never named `words`: that is zsh's array of the words typed, which a local
  // of the same name would hide.
  const flagsTakingValues = [...tree.values.keys()]
  const withChoices = [...tree.values].filter(([, choices]) => choices)
  const globals = [...longs(tree.globals), '--help']
  const next = (pattern: string, commands: Iterable<string>, flags: Iterable<string> = ['--help']) => `        ${pattern}) offered='${words(commands)}'; flags='${words(flags)}' ;;`
  const cases = [next('/', tree.top.map((c) => c.name), globals)]
  for (const [group, commands] of tree.groups) {
    if (commands.size === 0) continue
    cases.push(next(`${group}/`, commands.keys()))
    for (const [name, { options }] of commands) cases.push(next(`${group}/${name}`, [], [...longs(options), ...globals]))
    cases.push(next(`help/${group}`, commands.keys()))
  }
  cases.push(next('help/', [...tree.groups].filter(([, commands]) => commands.size > 0).map(([group]) => group)))
  if (tree.groups.has('completion')) cases.push(next('completion/', shells))
  return `  local group= command= word= offered= flags= i
  for ((i = ${first}; i < ${current}; i++)); do
    word=${wordAt('i')}
    case $word in
      ${flagsTakingValues.join('|')}) ((i++)) ;;
      -*) ;;
      *) if [[ -z $group ]]; then group=$word; elif [[ -z $command ]]; then command=$word; fi ;;
    esac
  done
  case ${wordAt(`${current} - 1`)} in
${withChoices.map(([flag, choices]) => `    ${flag}) offered='${words(choices!)}' ;;`).join('\n')}
    ${flagsTakingValues.join('|')}) return 0 ;;
    *)
      case "$group/$command" in
${cases.join('\n')}
      esac
      [[ ${wordAt(current)} == -* ]] && offered=$flags ;;
  esac`
}

function bash(tree: Tree): string {
  return `# ncloud-apigw completion for bash. Load it with: eval "$(ncloud-apigw completion bash)"
_ncloud_apigw() {
${shBody(tree, (index) => `\${COMP_WORDS[${index}]}`, 1, 'COMP_CWORD')}
  COMPREPLY=($(compgen -W "$offered" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -F _ncloud_apigw ncloud-apigw
`
}

function zsh(tree: Tree): string {
  return `#compdef ncloud-apigw
# ncloud-apigw completion for zsh. Load it after compinit with: eval "$(ncloud-apigw completion zsh)"
_ncloud_apigw() {
${shBody(tree, (index) => `\${words[${index}]}`, 2, 'CURRENT')}
  compadd -- \${=offered}
}
compdef _ncloud_apigw ncloud-apigw
`
}

/** Text for a fish single-quoted string. */
const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`

function fish(tree: Tree): string {
  const lines = ['# ncloud-apigw completion for fish. Load it with: ncloud-apigw completion fish | source', 'complete -c ncloud-apigw -f']
  const option = (condition: string, o: Option) => {
    const value = tree.values.has(o.long!) ? (o.argChoices ? ` -x -a ${quoted(words(o.argChoices))}` : ' -r') : ''
    return `complete -c ncloud-apigw${condition ? ` -n ${quoted(condition)}` : ''} -l ${o.long!.slice(2)}${value} -d ${quoted(o.description)}`
  }
  for (const o of tree.globals) lines.push(option('', o))
  for (const { name, summary } of tree.top) lines.push(`complete -c ncloud-apigw -n '__fish_use_subcommand' -a ${name} -d ${quoted(summary)}`)
  for (const [group, commands] of tree.groups) {
    const names = words(commands.keys())
    for (const [name, { summary, options }] of commands) {
      lines.push(`complete -c ncloud-apigw -n ${quoted(`__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${names}`)} -a ${name} -d ${quoted(summary)}`)
      for (const o of options) if (o.long) lines.push(option(`__fish_seen_subcommand_from ${group}; and __fish_seen_subcommand_from ${name}`, o))
    }
  }
  const groupsWithCommands = [...tree.groups].filter(([, commands]) => commands.size > 0).map(([group]) => group)
  lines.push(`complete -c ncloud-apigw -n '__fish_seen_subcommand_from help' -a ${quoted(words(groupsWithCommands))}`)
  lines.push(`complete -c ncloud-apigw -n '__fish_seen_subcommand_from completion' -a ${quoted(words(shells))}`)
  return `${lines.join('\n')}\n`
}

/**
 * A script completing the commands, flags and flag choices of `program` in `shell`, made from
 * the program itself, so that a new command or flag completes with no edit here.
 */
export function completionScript(program: Command, shell: Shell): string {
  const tree = treeOf(program)
  return { bash, zsh, fish }[shell](tree)
}
