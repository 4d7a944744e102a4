import { render } from 'preact';
import '../ui/theme.css';
import '../ui/controls.css';
import './options.css';
import { Options } from './Options';

document.documentElement.lang = navigator.language;
render(<Options />, document.getElementById('app')!);
