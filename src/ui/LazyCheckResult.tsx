// The check result view pulls in the decoder and diagnosis; load it only when a check is made,
// so the popup opens with less code.
import { lazyComponent } from './lazy';

const lazy = lazyComponent(() => import('./CheckResultView').then((m) => m.CheckResultView));

export const LazyCheckResult = lazy.View;
/** Start loading early (on the click), so the view is ready when the answer comes. */
export const preloadCheckResult = lazy.preload;
