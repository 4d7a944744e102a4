// The endpoint catalogue (every MaiAgent path, method and body field) is a third of the panel's
// code and only needed once a request is selected: it loads after the panel has opened.
import { lazyComponent } from '../ui/lazy';

const lazy = lazyComponent(() => import('./EndpointSection').then((m) => m.EndpointSection));

export const LazyEndpointSection = lazy.View;
/** Called once the panel is idle after opening, so the first selected row shows its endpoint at once. */
export const preloadEndpointSection = lazy.preload;
