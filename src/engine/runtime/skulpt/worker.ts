// The Skulpt worker's module: the host starts it from a Blob URL that imports this file.
import { serve } from '../serve.js';
import { createSkulptBackend } from './backend.js';

serve(createSkulptBackend());
