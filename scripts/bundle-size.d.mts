export declare const ENTRY_BUDGET_BYTES: number;
export declare function staticClosure(entry: string): Promise<{ files: string[]; lazy: string[] }>;
export declare function measure(distDir?: string): Promise<{
  files: Array<{ path: string; bytes: number; gzip: number }>;
  entry: { files: string[]; gzip: number };
  lazy: Array<{ path: string; gzip: number }>;
}>;
export declare const FIRST_RESULT_BUDGET_BYTES: number;
export declare function firstResultFiles(
  distDir?: string,
  pyodideDir?: string,
): Promise<Array<{ path: string; source: 'kit' | 'pyodide'; gzip: number }>>;
