// Debian bookworm's WordPress 6.1: the kit loads through a script tag made `type="module"`.
import { describeWordPress } from './suite.js';
import { bookworm } from './releases.js';

describeWordPress(bookworm, /^6\.1\.\d+$/);
