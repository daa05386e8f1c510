// Preloaded into every child the bench times (`node --import`): prints the process's own peak
// resident set size and CPU time (user + system) on stderr as it exits, the last line, for
// processes.ts to read.
//
// On Linux that is VmHWM of /proc/self/status, the high-water mark of this program's own memory.
// `process.resourceUsage().maxRSS` is not: a child starts as a fork of its parent, and the
// kernel carries the fork's peak across exec, so every small child would report the bench's own
// RSS. maxRSS is the fallback where there is no /proc.
import { readFileSync, writeSync } from 'node:fs'

function peakKb(): number {
  try {
    const match = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1])
  } catch {}
  return process.resourceUsage().maxRSS
}

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  writeSync(2, `\nbench-maxrss-kb=${peakKb()} bench-cpu-us=${user + system}\n`)
})
