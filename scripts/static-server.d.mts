import type { Server } from 'node:http';

export interface Served {
  server: Server;
  origin: string;
}

export declare function serveStatic(
  root: string,
  options?: {
    port?: number;
    host?: string;
    cors?: boolean;
    transform?: (path: string, text: string) => string;
    tls?: { key: string | Buffer; cert: string | Buffer };
  },
): Promise<Served>;

export interface Cdn {
  kit: Served;
  pyodide: Served;
  pyodideUrl: string;
  close(): void;
}

export declare function serveKitAndPyodide(options?: { kitPort?: number; pyodidePort?: number }): Promise<Cdn>;
export declare function serveDemoPage(cdn: Cdn, options?: { port?: number }): Promise<Served>;
