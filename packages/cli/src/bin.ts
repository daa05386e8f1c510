#!/usr/bin/env node
// ncloud-apigw: the API Gateway's API keys from a shell. See README.md for commands and exit codes.
import { run } from './run.js'

// exitCode rather than exit(): stdout may still be draining into a pipe. A stream that cannot be
// written is run's to report (streams.ts), never a crash.
process.exitCode = await run(process.argv.slice(2), process)
