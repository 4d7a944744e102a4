// Vite plugin: take the one dynamic `innerHTML` assignment out of Preact.
//
// Preact supports `dangerouslySetInnerHTML` with `dom.innerHTML = props.dangerouslySetInnerHTML.__html`.
// This extension never uses it (every string is rendered as text), but the line ships in the bundle
// and Firefox's add-on linter (web-ext lint / addons.mozilla.org review) warns about it as an
// unsafe innerHTML assignment. The plugin replaces that assignment with a throw, so the bundle
// contains no way to set HTML from a string, and the linter has nothing to warn about. The same
// bundle is used for Chrome and Firefox.
//
// If Preact's code changes shape so that the assignment is not found exactly once, the build
// fails: look at the new Preact code and adjust the pattern.
import type { Plugin } from 'vite';

const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/;
/** Preact's minified `(dom.innerHTML = newHtml.__html)`. */
const ASSIGNMENT = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;
const REPLACEMENT = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension")})()';

export function stripPreactInnerHtml(code: string): string {
  const found = code.match(ASSIGNMENT)?.length ?? 0;
  if (found !== 1) throw new Error(`no-inner-html: expected 1 dangerouslySetInnerHTML assignment in Preact, found ${found}`);
  return code.replace(ASSIGNMENT, REPLACEMENT);
}

export function noInnerHtml(): Plugin {
  return {
    name: 'maiagent:no-inner-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_CORE.test(id)) return null;
      return { code: stripPreactInnerHtml(code), map: null };
    },
  };
}
