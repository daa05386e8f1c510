// @ts-check
// Which Chromium the browser test drives, and how. Debian's package, never a downloaded browser:
// playwright-core brings no browser of its own.

/** Flags for headless Chromium as root with no network: no sandbox, no GPU, none of its own traffic. */
export const chromiumFlags = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

/**
 * The Chromium to launch: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. Throws, saying how
 * to install it, when it is not there, so the browser test fails instead of being skipped.
 * @param {Record<string, string | undefined>} env
 * @param {(path: string) => boolean} exists
 */
export function chromiumExecutable(env, exists) {
  const path = env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!exists(path)) {
    throw new Error(
      `Chromium is not installed at ${path}. Install Debian's package with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium or Chrome binary); the docs tests never download a browser.',
    )
  }
  return path
}
