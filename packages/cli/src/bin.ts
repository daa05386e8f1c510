#!/usr/bin/env node
// ncloud-apigw: the API Key operations from a shell. See README.md for commands and exit codes.
import { run } from './run.js'

// A reader that stops early (`| head`) closes the pipe: that is no error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

// exitCode rather than exit(): stdout may still be draining into a pipe.
process.exitCode = await run(process.argv.slice(2), process)
