// Gets both releases ready before their test files run side by side: bookworm's packages (which
// give trixie's run its PHP and MariaDB too) installed, trixie's package files fetched. Each test
// file asks again, and finds them ready.
import { bookworm, trixie } from './releases.js';

bookworm();
trixie();
