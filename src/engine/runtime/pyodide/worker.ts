// The pyodide backend's worker entry: the host starts it (from a Blob URL that imports this
// module) and talks to it with the messages in ../protocol.ts.
import { serve } from '../serve.js';
import { createPyodideBackend } from './backend.js';

serve(createPyodideBackend());
