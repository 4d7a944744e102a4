import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
import { Panel } from './Panel';

document.documentElement.lang = navigator.language;
render(<Panel />, document.getElementById('app')!);
