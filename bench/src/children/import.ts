// `node import.js <file URL>`: imports one module and exits; with no argument it does nothing,
// which is the baseline every import is paired against (the same process start, the same file).
const [url] = process.argv.slice(2)
if (url) await import(url)
