import type { Server } from 'node:http';
export declare function serveStatic(
  root: string,
  options?: { port?: number; host?: string; cors?: boolean; transform?: (path: string, text: string) => string },
): Promise<{ server: Server; origin: string }>;
