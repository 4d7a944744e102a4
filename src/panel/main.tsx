import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
import './list.css';
import './details.css';
import './detail-tools.css';
import { inDevtools } from '../platform/devtools';
import { startCapture } from './capture/session';
import { preloadEndpointSection } from './LazyEndpointSection';
import { preloadResendEditor } from './LazyResendEditor';
import { Panel } from './Panel';

// Capture starts before the first render, so no request finishing while the panel draws is lost.
const capture = inDevtools() ? startCapture() : null;

document.documentElement.lang = navigator.language;
render(<Panel capture={capture} />, document.getElementById('app')!);
// The endpoint catalogue and the resend editor are not needed to open the panel; fetch them once it is idle.
const whenIdle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200);
whenIdle(() => void Promise.all([preloadEndpointSection(), preloadResendEditor()]).catch(() => undefined));
