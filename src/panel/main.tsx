import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
import { inDevtools } from '../platform/devtools';
import { startCapture } from './capture/session';
import { Panel } from './Panel';

// Capture starts before the first render, so no request finishing while the panel draws is lost.
const capture = inDevtools() ? startCapture() : null;

document.documentElement.lang = navigator.language;
render(<Panel capture={capture} />, document.getElementById('app')!);
