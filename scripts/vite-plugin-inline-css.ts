// Vite plugin: put a page's stylesheets into its HTML as <style>, so the page does not wait for
// another file before it can show anything (the popup is measured against an empty page).
// Extension pages allow inline styles: the manifest's CSP restricts scripts, not styles.
import type { Plugin } from 'vite';

export function inlineCss(): Plugin {
  return {
    name: 'maiagent:inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
          const href = /\bhref="\/?([^"]+)"/.exec(tag)?.[1];
          const asset = href ? bundle[href] : undefined;
          if (!asset || asset.type !== 'asset') throw new Error(`inline-css: ${tag} names no CSS file of this build`);
          delete bundle[href!];
          // "</style" inside the CSS would end the element early; Vite's minified CSS has none, but say so if it ever does.
          const css = String(asset.source);
          if (/<\/style/i.test(css)) throw new Error(`inline-css: ${href} contains "</style"`);
          return `<style>${css}</style>`;
        });
      },
    },
  };
}
